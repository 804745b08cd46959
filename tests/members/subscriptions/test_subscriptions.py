"""E-mail subscriptions: double opt-in with signed links, one-click unsubscribe
(List-Unsubscribe headers), tampered/expired links change nothing, the same
answer whatever the address's state, members' own subscription."""

import re
import time
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.core import mail, signing

from legal.models import ConsentRecord
from members.models import Subscription
from members.subscriptions.consents import email_subject
from members.subscriptions.services import manage_token
from tests.factories.members import MemberFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/subscriptions/"
ME = "/api/v1/me/subscriptions/"
ADDRESS = "reader@example.com"


def subscribe(client, email=ADDRESS, topics=("new_products",), locale="zh-hans"):
    return client.post(
        URL, {"email": email, "topics": list(topics), "locale": locale}, format="json"
    )


def token_from(message, path: str) -> str:
    url = re.search(rf"https?://\S+/{path}\?token=\S+", message.body).group(0)
    return parse_qs(urlsplit(url).query)["token"][0]


def confirm(client, message, **extra):
    token = token_from(message, "subscriptions/confirm")
    return client.post(URL + "confirm/", {"token": token, **extra}, format="json")


def test_subscribing_mails_a_confirmation_with_unsubscribe_headers(
    api_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(api_client, topics=["new_products", "guides_tips"])
    assert response.status_code == 202
    sub = Subscription.objects.get()
    assert (sub.status, sub.topics) == ("pending", [])
    [message] = mail.outbox
    assert message.to == [ADDRESS] and "请确认订阅" in message.subject
    assert "新品上市、选油指南与技巧" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )
    header = message.extra_headers["List-Unsubscribe"]
    assert (
        header.startswith("<http://")
        and "/api/v1/subscriptions/unsubscribe/?token=" in header
    )


def test_confirming_starts_the_subscription_and_records_the_tracking_answer(
    api_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(api_client, topics=["guides_tips"], locale="en")
    [message] = mail.outbox
    assert message.subject.endswith("Please confirm your Lubpur subscription")
    response = confirm(api_client, message, tracking_consent=True)
    assert response.status_code == 200, response.json()
    assert response.json() == {
        "email": ADDRESS,
        "topics": ["guides_tips"],
        "locale": "en",
        "status": "confirmed",
        "tracking_consent": True,
    }
    record = ConsentRecord.objects.get()
    assert (record.purpose, record.action) == ("email_tracking", "accepted")
    assert record.visitor_id == email_subject(ADDRESS) and record.user is None
    assert ADDRESS not in str(record.__dict__)


def test_confirming_without_an_answer_means_no_tracking(
    api_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(api_client)
    response = confirm(api_client, mail.outbox[0])
    assert response.json()["tracking_consent"] is False
    assert not ConsentRecord.objects.exists()


def test_the_answer_is_the_same_for_a_new_and_a_subscribed_address(
    api_client, django_capture_on_commit_callbacks, settings
):
    settings.SUBSCRIPTION_RESEND_INTERVAL = 0
    Subscription.objects.create(
        email="known@example.com", topics=["special_offers"], status="confirmed"
    )
    with django_capture_on_commit_callbacks(execute=True):
        known = subscribe(api_client, email="Known@Example.com")
        new = subscribe(api_client, email="new@example.com")
    assert (known.status_code, known.json()) == (new.status_code, new.json())
    # nobody changes a confirmed subscription without the confirmation link
    assert Subscription.objects.get(email="known@example.com").topics == [
        "special_offers"
    ]
    assert sorted(m.to[0] for m in mail.outbox) == [
        "known@example.com",
        "new@example.com",
    ]


def test_repeated_requests_send_one_confirmation_per_interval(
    api_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first, second = subscribe(api_client), subscribe(api_client)
    assert first.json() == second.json() and len(mail.outbox) == 1


@pytest.mark.parametrize("bad", [{"email": "nope"}, {"topics": []}, {"topics": ["x"]}])
def test_bad_input_is_a_400_problem(api_client, bad):
    data = {"email": ADDRESS, "topics": ["new_products"], **bad}
    response = api_client.post(URL, data, format="json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert not Subscription.objects.exists()


def test_subscribing_is_rate_limited(api_client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "subscription": "2/hour",
        },
    }
    codes = [
        subscribe(api_client, email=f"r{n}@example.com").status_code for n in range(3)
    ]
    assert codes == [202, 202, 429]
    assert int(subscribe(api_client)["Retry-After"]) > 0
    assert Subscription.objects.count() == 2


def _tampered(token: str) -> str:
    value, signature = token.rsplit(":", 1)
    return f"{value}:{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"


def test_a_tampered_expired_or_superseded_confirmation_is_400_and_changes_nothing(
    api_client, django_capture_on_commit_callbacks, settings, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(api_client)
    token = token_from(mail.outbox[0], "subscriptions/confirm")
    responses = [
        api_client.post(URL + "confirm/", {"token": _tampered(token)}, format="json"),
        api_client.post(URL + "confirm/", {"token": "garbage"}, format="json"),
    ]
    # a link older than SUBSCRIPTION_CONFIRM_MAX_AGE
    sub = Subscription.objects.get()
    real_time = time.time
    monkeypatch.setattr(
        signing.time,
        "time",
        lambda: real_time() - settings.SUBSCRIPTION_CONFIRM_MAX_AGE - 5,
    )
    from members.subscriptions.services import confirm_token

    old = confirm_token(sub)
    monkeypatch.setattr(signing.time, "time", real_time)
    responses.append(api_client.post(URL + "confirm/", {"token": old}, format="json"))
    # a newer request makes the older link useless
    settings.SUBSCRIPTION_RESEND_INTERVAL = 0
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(api_client, topics=["guides_tips"])
    responses.append(api_client.post(URL + "confirm/", {"token": token}, format="json"))
    for response in responses:
        assert response.status_code == 400
        assert response.json()["code"] == "invalid_token"
    sub.refresh_from_db()
    assert (sub.status, sub.topics) == ("pending", [])
    assert confirm(api_client, mail.outbox[-1]).json()["topics"] == ["guides_tips"]


@pytest.fixture
def confirmed():
    return Subscription.objects.create(
        email=ADDRESS, topics=["new_products"], status="confirmed", locale="en"
    )


def test_one_click_unsubscribe_from_the_header_url(api_client, confirmed):
    from members.subscriptions.services import unsubscribe_headers

    url = unsubscribe_headers(confirmed)["List-Unsubscribe"].strip("<>")
    path = urlsplit(url).path + "?" + urlsplit(url).query
    # what a mail provider sends (RFC 8058): a form POST, no cookie, no CSRF token
    client = api_client.__class__(enforce_csrf_checks=True)
    response = client.post(
        path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200, response.json()
    confirmed.refresh_from_db()
    assert confirmed.status == "unsubscribed" and confirmed.unsubscribed_at
    # again: still fine (idempotent)
    assert (
        client.post(
            path,
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        ).status_code
        == 200
    )


def test_unsubscribe_with_the_token_in_json(api_client, confirmed):
    token = manage_token(confirmed)
    response = api_client.post(URL + "unsubscribe/", {"token": token}, format="json")
    assert response.json()["status"] == "unsubscribed"


def test_a_tampered_or_expired_unsubscribe_token_is_400_and_changes_nothing(
    api_client, confirmed, settings
):
    token = manage_token(confirmed)
    other = Subscription.objects.create(email="other@example.com", status="confirmed")
    forged = signing.TimestampSigner(salt="members.subscription.manage").sign_object(
        {"s": other.pk, "k": "guessed"}
    )
    for bad in (_tampered(token), forged, unquote("%00"), ""):
        response = api_client.post(URL + "unsubscribe/", {"token": bad}, format="json")
        assert response.status_code == 400
        assert response["Content-Type"].startswith("application/problem+json")
    settings.SUBSCRIPTION_LINK_MAX_AGE = -1  # every link is now too old
    response = api_client.post(URL + "unsubscribe/", {"token": token}, format="json")
    assert response.status_code == 400 and response.json()["code"] == "invalid_token"
    confirmed.refresh_from_db()
    other.refresh_from_db()
    assert confirmed.status == other.status == "confirmed"


def test_a_visitor_withdraws_tracking_without_unsubscribing(api_client, confirmed):
    token = manage_token(confirmed)
    allow = api_client.post(
        URL + "tracking/", {"token": token, "tracking_consent": True}, format="json"
    )
    assert allow.json()["tracking_consent"] is True
    stop = api_client.post(
        URL + "tracking/", {"token": token, "tracking_consent": False}, format="json"
    )
    assert stop.json()["tracking_consent"] is False
    assert stop.json()["status"] == "confirmed"
    assert [r.action for r in ConsentRecord.objects.order_by("created_at", "id")] == [
        "accepted",
        "withdrawn",
    ]


# --- members -----------------------------------------------------------------------


def test_a_verified_member_is_subscribed_at_once(member_client):
    assert member_client.get(ME).json()["status"] is None
    response = member_client.put(
        ME,
        {
            "topics": ["special_offers", "new_products"],
            "locale": "en",
            "tracking_consent": True,
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    member = member_client.member
    assert response.json() == {
        "email": member.email,
        "topics": ["special_offers", "new_products"],
        "locale": "en",
        "status": "confirmed",
        "tracking_consent": True,
    }
    assert ConsentRecord.objects.get().user == member
    assert member_client.get(ME).json()["status"] == "confirmed"
    response = member_client.put(ME, {"topics": []}, format="json")
    assert response.json()["status"] == "unsubscribed"


def test_an_unverified_members_subscription_starts_when_the_email_is_verified(
    api_client,
):
    member = MemberFactory(verified=False)
    address = EmailAddress.objects.create(
        user=member, email=member.email, verified=False, primary=True
    )
    api_client.force_authenticate(member)
    response = api_client.put(ME, {"topics": ["guides_tips"]}, format="json")
    assert response.json()["status"] == "pending"
    address.verified = True
    address.save()
    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)
    assert api_client.get(ME).json()["status"] == "confirmed"


def test_a_member_adopts_the_subscription_made_with_their_address(member_client):
    member = member_client.member
    Subscription.objects.create(email=member.email, topics=["new_products"])
    assert member_client.get(ME).json()["topics"] == ["new_products"]
    member_client.put(ME, {"topics": ["guides_tips"]}, format="json")
    assert Subscription.objects.get().user == member


def test_bad_member_input_is_a_400_and_visitors_get_401(member_client, api_client):
    response = member_client.put(ME, {"topics": ["nonsense"]}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"].startswith("topics")
    assert not Subscription.objects.exists()
    assert api_client.__class__().get(ME).status_code == 401


def test_one_click_unsubscribes_are_never_throttled(api_client, confirmed, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "write": "1/hour",
            "subscription": "1/hour",
        },
    }
    token = manage_token(confirmed)
    codes = [
        api_client.post(
            URL + "unsubscribe/", {"token": token}, format="json"
        ).status_code
        for _ in range(3)
    ]
    assert codes == [200, 200, 200]
