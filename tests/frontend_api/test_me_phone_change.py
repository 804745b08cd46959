"""A new number through ``PATCH /api/v1/me/``: a code goes to it, and it replaces the
member's number only when the code confirms it. A number another account holds
gets the same answer (no enumeration); only its verification is refused, without
saying whose it is."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from allauth.account.internal.flows import code_verification
from django.core.cache import cache

from core import sms
from members.models import User
from tests.factories.members import PASSWORD, MemberFactory

pytestmark = pytest.mark.django_db

BROWSER = "/api/v1/auth/browser/v1"
APP = "/api/v1/auth/app/v1"
ME = "/api/v1/me/"
TAKEN = "+8613900139000"


@pytest.fixture(autouse=True)
def _fresh(settings):
    settings.SMS_BACKEND = "locmem"
    cache.clear()
    sms.outbox.clear()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def member():
    return MemberFactory(phone="+8613700137000", phone_verified=True)


def patch(client, data, **extra):
    return client.patch(ME, data, content_type="application/json", **extra)


def verify(client, code, base=BROWSER, **extra):
    return client.post(
        f"{base}/auth/phone/verify",
        {"code": code},
        content_type="application/json",
        **extra,
    )


def last_code() -> str:
    return sms.outbox[-1].params["code"]


def test_the_number_changes_once_the_code_confirms_it(client, member, on_commit):
    client.force_login(member)
    with on_commit():
        response = patch(client, {"phone": "139 0013 9001"})
    assert response.status_code == 200, response.json()
    assert response.json()["phone"] == "+8613700137000"
    assert response.json()["phone_code_sent_to"] == "+8613900139001"
    assert [m.to for m in sms.outbox] == [["+8613900139001"]]
    member.refresh_from_db()
    assert member.phone == "+8613700137000" and member.phone_verified
    response = verify(client, last_code())
    assert response.status_code == 200, response.json()
    member.refresh_from_db()
    assert member.phone == "+8613900139001" and member.phone_verified
    assert client.get(ME).json()["phone"] == "+8613900139001"


def test_an_app_client_confirms_with_its_session_token(client, member, on_commit):
    login = client.post(
        f"{APP}/auth/login",
        {"email": member.email, "password": PASSWORD},
        content_type="application/json",
    )
    token = {"HTTP_X_SESSION_TOKEN": login.json()["meta"]["session_token"]}
    with on_commit():
        response = patch(client, {"phone": "0086 139 0013 9002"}, **token)
    assert response.status_code == 200, response.json()
    assert verify(client, last_code(), base=APP, **token).status_code == 200
    member.refresh_from_db()
    assert member.phone == "+8613900139002" and member.phone_verified


def test_a_taken_number_answers_exactly_like_a_free_one(client, member, on_commit):
    MemberFactory(phone=TAKEN, phone_verified=True)
    client.force_login(member)
    with on_commit():
        taken = patch(client, {"phone": TAKEN})
    with on_commit():
        free = patch(client, {"phone": "13900139003"})
    assert taken.status_code == free.status_code == 200
    body_taken, body_free = taken.json(), free.json()
    assert body_taken.pop("phone_code_sent_to") == TAKEN
    assert body_free.pop("phone_code_sent_to") == "+8613900139003"
    assert body_taken == body_free
    # Both numbers got a code, as anyone holding them would see.
    assert [m.to for m in sms.outbox] == [[TAKEN], ["+8613900139003"]]
    assert sms.outbox[0].params.keys() == sms.outbox[1].params.keys()


def test_verifying_a_taken_number_is_refused_without_saying_whose(
    client, member, on_commit
):
    other = MemberFactory(phone=TAKEN, phone_verified=True, email="holder@example.com")
    client.force_login(member)
    with on_commit():
        patch(client, {"phone": "139-0013-9000"})
    response = verify(client, last_code())
    assert response.status_code == 400
    body = response.json()
    assert [e["code"] for e in body["errors"]] == ["phone_taken"]
    text = str(body)
    assert "holder" not in text and str(other.pk) not in text
    member.refresh_from_db()
    other.refresh_from_db()
    assert member.phone == "+8613700137000" and member.phone_verified
    assert other.phone == TAKEN


def test_a_wrong_or_expired_code_changes_nothing(
    client, member, on_commit, monkeypatch
):
    client.force_login(member)
    with on_commit():
        patch(client, {"phone": "13900139004"})
    code = last_code()
    wrong = "000000" if code != "000000" else "111111"
    assert verify(client, wrong).status_code == 400
    real = code_verification.time.time
    monkeypatch.setattr(
        code_verification, "time", SimpleNamespace(time=lambda: real() + 601)
    )
    assert verify(client, code).status_code == 409  # no change is pending any more
    assert User.objects.get(pk=member.pk).phone == "+8613700137000"


def test_codes_for_one_number_are_rate_limited_with_a_429(client, member, on_commit):
    client.force_login(member)
    with on_commit():
        assert patch(client, {"phone": "13900139005"}).status_code == 200
    response = patch(client, {"phone": "+86 139 0013 9005", "qq": "55555"})
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert 0 < int(response["Retry-After"]) <= 60
    assert len(sms.outbox) == 1
    assert User.objects.get(pk=member.pk).qq != "55555"  # nothing half-applied
