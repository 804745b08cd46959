"""Every operation that checks a password is throttled per account and per
address like password change: the 6th wrong password in the window is a 429
problem with ``Retry-After``, and then even the right one waits."""

import pytest
from django.core.cache import cache

from tests.factories.members import PASSWORD, MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def cancel(client, password):
    return client.delete(
        "/api/v1/me/", {"password": password}, content_type="application/json"
    )


def test_the_sixth_wrong_password_at_cancellation_is_a_429(client):
    member = MemberFactory()
    client.force_login(member)
    for _ in range(5):
        assert cancel(client, "wrong").status_code == 403
    refused = cancel(client, "wrong")
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["code"] == "throttled"
    assert 0 < int(refused["Retry-After"]) <= 60
    # The right password waits too: nothing is erased.
    assert cancel(client, PASSWORD).status_code == 429
    member.refresh_from_db()
    assert member.is_active


def test_cancellation_tries_are_counted_per_address_across_accounts(client):
    for _ in range(2):
        client.force_login(MemberFactory())
        for _ in range(5):
            assert cancel(client, "wrong").status_code == 403
    client.force_login(MemberFactory())
    assert cancel(client, "wrong").status_code == 429


def test_the_right_password_within_the_limit_still_cancels(client):
    member = MemberFactory()
    client.force_login(member)
    for _ in range(4):
        assert cancel(client, "wrong").status_code == 403
    assert cancel(client, PASSWORD).status_code == 204


def test_reauthentication_is_limited_to_five_per_account(client):
    member = MemberFactory()
    client.force_login(member)
    url = "/api/v1/auth/browser/v1/auth/reauthenticate"
    codes = [
        client.post(url, {"password": "wrong"}, content_type="application/json")
        for _ in range(6)
    ]
    assert [c.status_code for c in codes[:5]] == [400] * 5
    assert codes[5].status_code == 429
    assert codes[5]["Content-Type"] == "application/problem+json"
