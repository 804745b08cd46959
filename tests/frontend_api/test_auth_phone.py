"""Verified phones through allauth (``/api/v1/auth/``): SMS codes at sign-up, login
by code, numbers as people type them, password login only with a verified phone,
rate limits as 429 problems, the same answers for used and unused numbers."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from core import sms
from members.models import OutgoingSms, User
from tests.factories.members import PASSWORD, MemberFactory

pytestmark = pytest.mark.django_db

BROWSER = "/api/v1/auth/browser/v1"
APP = "/api/v1/auth/app/v1"
TYPED = ["13800138000", "138 0013 8000", "+86 138 0013 8000", "0086 13800138000"]


@pytest.fixture(autouse=True)
def _fresh(settings):
    settings.SMS_BACKEND = "locmem"
    cache.clear()
    sms.outbox.clear()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def post(client, path, data, **extra):
    return client.post(path, data, content_type="application/json", **extra)


def last_code() -> str:
    return sms.outbox[-1].params["code"]


def signup(client, on_commit, phone="13800138000", email="new.buyer@example.com"):
    with on_commit():
        return post(
            client,
            f"{BROWSER}/auth/signup",
            {
                "email": email,
                "password": PASSWORD,
                "phone": phone,
                "age_group": "18_or_over",
            },
        )


def pending(response) -> set[str]:
    return {f["id"] for f in response.json()["data"]["flows"] if f.get("is_pending")}


def test_sign_up_sends_an_sms_code_and_the_code_verifies_the_phone(client, on_commit):
    response = signup(client, on_commit, phone="138 0013 8000")
    assert response.status_code == 401
    assert pending(response) == {"verify_phone"}
    [message] = sms.outbox
    assert message.to == ["+8613800138000"]
    assert len(last_code()) == 6 and last_code().isdigit()
    user = User.objects.get(email="new.buyer@example.com")
    assert user.phone == "+8613800138000" and not user.phone_verified

    with on_commit():
        response = post(client, f"{BROWSER}/auth/phone/verify", {"code": last_code()})
    assert pending(response) == {"verify_email"}
    user.refresh_from_db()
    assert user.phone_verified


def test_the_sms_task_gets_an_id_and_the_row_forgets_the_code(client, on_commit):
    signup(client, on_commit)
    row = OutgoingSms.objects.get()
    assert row.phone == "+8613800138000"
    assert row.sent_at is not None and row.params == {}
    assert row.language == "zh-hans"


def test_a_wrong_code_does_not_verify_and_codes_are_single_use(client, on_commit):
    signup(client, on_commit)
    code = last_code()
    wrong = "000000" if code != "000000" else "111111"
    response = post(client, f"{BROWSER}/auth/phone/verify", {"code": wrong})
    assert response.status_code == 400
    with on_commit():
        post(client, f"{BROWSER}/auth/phone/verify", {"code": code})
    response = post(client, f"{BROWSER}/auth/phone/verify", {"code": code})
    assert response.status_code in (400, 409)
    assert User.objects.get().phone_verified


@pytest.mark.parametrize("typed", TYPED)
def test_password_login_accepts_numbers_as_typed_once_verified(client, typed):
    MemberFactory(phone="+8613800138000", phone_verified=True)
    response = post(
        client, f"{BROWSER}/auth/login", {"phone": typed, "password": PASSWORD}
    )
    assert response.status_code == 200, response.json()


def test_password_login_by_an_unverified_phone_fails_like_a_wrong_password(client):
    MemberFactory(phone="+8613800138000", phone_verified=False)
    MemberFactory(phone="+8613900139000", phone_verified=True)
    unverified = post(
        client, f"{BROWSER}/auth/login", {"phone": "13800138000", "password": PASSWORD}
    )
    wrong = post(
        client,
        f"{BROWSER}/auth/login",
        {"phone": "13900139000", "password": "not the password 1"},
    )
    assert unverified.status_code == wrong.status_code == 400
    assert unverified.json() == wrong.json()


def test_login_by_sms_code(client, on_commit):
    user = MemberFactory(phone="+8613800138000", phone_verified=True)
    with on_commit():
        response = post(client, f"{APP}/auth/code/request", {"phone": "138-0013-8000"})
    assert response.status_code == 401
    assert pending(response) == {"login_by_code"}
    token = response.json()["meta"].get("session_token")
    headers = {"HTTP_X_SESSION_TOKEN": token} if token else {}
    response = post(
        client, f"{APP}/auth/code/confirm", {"code": last_code()}, **headers
    )
    assert response.status_code == 200, response.json()
    assert response.json()["data"]["user"]["id"] == user.pk


def test_a_code_request_answers_the_same_for_unknown_numbers(client, on_commit):
    MemberFactory(phone="+8613800138000", phone_verified=True)
    with on_commit():
        known = post(client, f"{BROWSER}/auth/code/request", {"phone": "13800138000"})
    client.cookies.clear()
    cache.clear()
    with on_commit():
        unknown = post(client, f"{BROWSER}/auth/code/request", {"phone": "13900139000"})
    assert known.status_code == unknown.status_code == 401
    assert known.json() == unknown.json()
    assert [m.to for m in sms.outbox] == [["+8613800138000"]]


def test_sms_code_requests_are_rate_limited_per_number_with_a_429(client, on_commit):
    MemberFactory(phone="+8613800138000", phone_verified=True)
    with on_commit():
        post(client, f"{BROWSER}/auth/code/request", {"phone": "13800138000"})
    client.cookies.clear()
    response = post(client, f"{BROWSER}/auth/code/request", {"phone": "+8613800138000"})
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert 0 < int(response["Retry-After"]) <= 60
    assert len(sms.outbox) == 1


def test_sign_up_with_a_taken_number_answers_like_a_free_one(client, on_commit):
    MemberFactory(phone="+8613800138000", phone_verified=True)
    taken = signup(client, on_commit, phone="13800138000", email="a@example.com")
    client.cookies.clear()
    cache.clear()
    free = signup(client, on_commit, phone="13900139000", email="b@example.com")
    assert taken.status_code == free.status_code
    assert pending(taken) == pending(free)
