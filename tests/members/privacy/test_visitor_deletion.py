"""Visitors' rights (issue 13): a visitor who consulted or subscribed asks for
deletion through a signed e-mail link; the answer is the same whether or not any
data exists."""

import re

import pytest
from django.core import mail
from django.core.cache import cache

from members.enquiries.models import Consultation
from members.privacy.visitors import visitor_deletion_token
from members.subscriptions.models import Subscription
from tests.factories.members import MemberFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/privacy/visitor-deletion/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def ask(api_client, email, capture):
    with capture(execute=True):
        return api_client.post(URL, {"email": email, "locale": "en"}, format="json")


def test_the_answer_is_the_same_with_or_without_data(
    api_client, django_capture_on_commit_callbacks
):
    Consultation.objects.create(name="访客", email="held@example.com", message="?")
    held = ask(api_client, "Held@example.com", django_capture_on_commit_callbacks)
    unknown = ask(api_client, "nobody@example.com", django_capture_on_commit_callbacks)
    assert held.status_code == unknown.status_code == 202
    assert held.json() == unknown.json()
    assert [m.to for m in mail.outbox] == [["held@example.com"]]


def test_the_link_deletes_the_visitors_consultations_and_subscription(
    api_client, django_capture_on_commit_callbacks
):
    member = MemberFactory(email="member@example.com")
    Consultation.objects.create(name="访客", email="v@example.com", message="?")
    Consultation.objects.create(
        user=member, name="会员", email="v@example.com", message="?"
    )
    Subscription.objects.create(email="v@example.com")
    ask(api_client, "v@example.com", django_capture_on_commit_callbacks)
    token = re.search(r"token=([^\s]+)", mail.outbox[0].body).group(1)
    from urllib.parse import unquote

    response = api_client.post(
        f"{URL}confirm/", {"token": unquote(token)}, format="json"
    )
    assert response.status_code == 200
    assert response.json() == {"consultations": 1, "subscriptions": 1}
    # A member's own consultation is theirs to delete in their account.
    assert Consultation.objects.filter(user=member).count() == 1
    assert not Subscription.objects.filter(email="v@example.com").exists()


def test_a_tampered_link_is_refused(api_client):
    token = visitor_deletion_token("v@example.com")
    response = api_client.post(
        f"{URL}confirm/", {"token": token[:-2] + "xx"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_token"
