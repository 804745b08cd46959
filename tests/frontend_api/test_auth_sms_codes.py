"""SMS-code journeys the other phone tests leave out: every way people type a number
at sign-up ends up in E.164, the whole sign-up by codes ends signed in, codes
expire, a login code is single-use, and three wrong tries use a code up."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from allauth.account.internal.flows import code_verification
from django.core import mail
from django.core.cache import cache

from core import sms
from members.models import User
from tests.factories.members import PASSWORD, MemberFactory

pytestmark = pytest.mark.django_db

BROWSER = "/api/v1/auth/browser/v1"
APP = "/api/v1/auth/app/v1"


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


def pending(response) -> set[str]:
    return {f["id"] for f in response.json()["data"]["flows"] if f.get("is_pending")}


def last_code() -> str:
    return sms.outbox[-1].params["code"]


def later(monkeypatch, seconds: int) -> None:
    """Codes are checked against allauth's clock; move only that one."""
    real = code_verification.time.time
    monkeypatch.setattr(
        code_verification, "time", SimpleNamespace(time=lambda: real() + seconds)
    )


def signup(client, on_commit, phone: str):
    with on_commit():
        return post(
            client,
            f"{BROWSER}/auth/signup",
            {
                "email": "sms.buyer@example.com",
                "password": PASSWORD,
                "phone": phone,
                "age_group": "18_or_over",
            },
        )


@pytest.mark.parametrize(
    "typed",
    ["13812345678", "138 1234 5678", "+86 138 1234 5678", "0086 13812345678"],
)
def test_sign_up_stores_the_number_in_e164_however_it_is_typed(
    client, on_commit, typed
):
    response = signup(client, on_commit, typed)
    assert response.status_code == 401, response.json()
    assert User.objects.get().phone == "+8613812345678"
    assert sms.outbox[-1].to == ["+8613812345678"]


def test_sign_up_by_sms_and_email_codes_ends_signed_in_with_a_verified_phone(
    client, on_commit
):
    signup(client, on_commit, "13812345678")
    with on_commit():
        response = post(client, f"{BROWSER}/auth/phone/verify", {"code": last_code()})
    assert pending(response) == {"verify_email"}
    body = mail.outbox[-1].body.split()
    code = next(word for word in body if word.isdigit() and len(word) == 6)
    response = post(client, f"{BROWSER}/auth/email/verify", {"key": code})
    assert response.status_code == 200, response.json()
    assert response.json()["data"]["user"]["phone"] == "+8613812345678"
    user = User.objects.get()
    assert user.phone_verified
    # … and the verified phone now opens the account with the password.
    client.logout()
    typed = {"phone": "138 1234 5678", "password": PASSWORD}
    response = post(client, f"{BROWSER}/auth/login", typed)
    assert response.status_code == 200, response.json()


def test_an_expired_sign_up_code_does_not_verify_the_phone(
    client, on_commit, monkeypatch
):
    signup(client, on_commit, "13812345678")
    code = last_code()
    later(monkeypatch, 10 * 60 + 1)
    response = post(client, f"{BROWSER}/auth/phone/verify", {"code": code})
    assert response.status_code == 409  # the verification ended with the code's life
    assert not User.objects.get().phone_verified


def request_login_code(client, on_commit, phone="13812345678"):
    with on_commit():
        response = post(client, f"{APP}/auth/code/request", {"phone": phone})
    assert response.status_code == 401
    token = response.json()["meta"].get("session_token")
    return {"HTTP_X_SESSION_TOKEN": token} if token else {}


def test_an_expired_login_code_is_refused(client, on_commit, monkeypatch):
    MemberFactory(phone="+8613812345678", phone_verified=True)
    headers = request_login_code(client, on_commit)
    code = last_code()
    later(monkeypatch, 10 * 60 + 1)
    response = post(client, f"{APP}/auth/code/confirm", {"code": code}, **headers)
    assert response.status_code == 409  # no login by code is pending any more


def test_a_login_code_is_single_use(client, on_commit):
    user = MemberFactory(phone="+8613812345678", phone_verified=True)
    headers = request_login_code(client, on_commit)
    code = last_code()
    response = post(client, f"{APP}/auth/code/confirm", {"code": code}, **headers)
    assert response.status_code == 200, response.json()
    assert response.json()["data"]["user"]["id"] == user.pk
    # The flow that code belonged to is over: its token answers 410 Gone.
    response = post(client, f"{APP}/auth/code/confirm", {"code": code}, **headers)
    assert response.status_code == 410


def test_three_wrong_tries_use_a_login_code_up(client, on_commit):
    MemberFactory(phone="+8613812345678", phone_verified=True)
    headers = request_login_code(client, on_commit)
    code = last_code()
    wrong = "000000" if code != "000000" else "111111"
    statuses = [
        post(client, f"{APP}/auth/code/confirm", {"code": wrong}, **headers).status_code
        for _ in range(3)
    ]
    assert statuses[:2] == [400, 400]
    response = post(client, f"{APP}/auth/code/confirm", {"code": code}, **headers)
    assert response.status_code == 409  # the right code comes too late
