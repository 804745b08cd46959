"""Accounts through allauth's headless API (``/api/v1/auth/``): sign-up, e-mail
verification, login by e-mail or phone, reset, change, sessions, no enumeration."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.cache import cache
from django.test import Client

from core import sms
from members.models import User
from tests.factories.members import PASSWORD, MemberFactory

pytestmark = pytest.mark.django_db

BROWSER = "/api/v1/auth/browser/v1"
APP = "/api/v1/auth/app/v1"
NEW_PASSWORD = "another long passphrase 77"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def signup_payload(**overrides):
    payload = {
        "email": "new.buyer@example.com",
        "password": PASSWORD,
        "phone": "13800138000",
        "age_group": "18_or_over",
    }
    payload.update(overrides)
    return payload


def signup(client, on_commit, **overrides):
    with on_commit():
        return client.post(
            f"{BROWSER}/auth/signup",
            signup_payload(**overrides),
            content_type="application/json",
        )


def code_from_last_mail() -> str:
    """E-mail verification and password reset go by a six-digit code."""
    match = re.search(r"^\s*(\d{6})\s*$", mail.outbox[-1].body, re.MULTILINE)
    assert match, mail.outbox[-1].body
    return match.group(1)


def pending(response) -> set[str]:
    return {f["id"] for f in response.json()["data"]["flows"] if f.get("is_pending")}


def verify_phone(client, on_commit):
    with on_commit():
        return client.post(
            f"{BROWSER}/auth/phone/verify",
            {"code": sms.outbox[-1].params["code"]},
            content_type="application/json",
        )


def test_sign_up_asks_to_verify_the_phone_then_the_email(client, on_commit):
    response = signup(client, on_commit)
    assert response.status_code == 401
    assert pending(response) == {"verify_phone"}
    user = User.objects.get(email="new.buyer@example.com")
    assert user.phone == "+8613800138000" and not user.is_minor
    assert not user.phone_verified
    assert sms.outbox[-1].to == ["+8613800138000"]

    response = verify_phone(client, on_commit)
    assert response.status_code == 401
    assert pending(response) == {"verify_email"}
    user.refresh_from_db()
    assert user.phone_verified
    assert mail.outbox[-1].to == ["new.buyer@example.com"]


def test_verifying_the_email_by_code_signs_the_member_in(client, on_commit):
    signup(client, on_commit)
    verify_phone(client, on_commit)
    response = client.post(
        f"{BROWSER}/auth/email/verify",
        {"key": code_from_last_mail()},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    user = response.json()["data"]["user"]
    assert user["email"] == "new.buyer@example.com"
    assert user["phone"] == "+8613800138000"
    assert EmailAddress.objects.get(email="new.buyer@example.com").verified


def test_without_a_phone_sign_up_asks_for_the_email_code_only(client, on_commit):
    response = signup(client, on_commit, phone="")
    assert pending(response) == {"verify_email"}
    assert sms.outbox == []


def test_mail_goes_out_in_the_language_the_member_signed_up_in(client, on_commit):
    with on_commit():
        response = client.post(
            f"{BROWSER}/auth/signup",
            signup_payload(phone=""),
            content_type="application/json",
            HTTP_ACCEPT_LANGUAGE="en",
        )
    assert response.status_code == 401
    assert User.objects.get().preferred_language == "en"
    assert "verification code" in mail.outbox[-1].body.lower()


def test_a_statement_of_age_is_required(client, on_commit):
    response = signup(client, on_commit, age_group="")
    assert response.status_code == 400
    assert {e["param"] for e in response.json()["errors"]} == {"age_group"}
    assert not User.objects.exists()


def test_a_minor_without_a_guardian_is_refused(client, on_commit):
    response = signup(client, on_commit, age_group="under_14")
    assert response.status_code == 400
    params = {e["param"] for e in response.json()["errors"]}
    assert params == {
        "guardian_name",
        "guardian_contact",
        "guardian_consent",
        "sensitive_data_consent",
    }
    assert not User.objects.exists()


def test_a_minor_with_a_guardians_consent_signs_up(client, on_commit):
    response = signup(
        client,
        on_commit,
        age_group="under_14",
        guardian_name="张家长",
        guardian_contact="+8613900139000",
        guardian_consent=True,
        sensitive_data_consent=True,
    )
    assert response.status_code == 401
    assert User.objects.get().is_minor


def test_an_invalid_phone_is_a_400(client, on_commit):
    response = signup(client, on_commit, phone="12")
    assert response.status_code == 400
    assert response.json()["errors"][0]["param"] == "phone"


def test_signing_up_with_a_registered_email_looks_the_same(client, on_commit):
    MemberFactory(email="taken@example.com")
    fresh = signup(Client(), on_commit, email="fresh@example.com", phone="")
    taken = signup(client, on_commit, email="taken@example.com", phone="")
    assert taken.status_code == fresh.status_code == 401
    assert taken.json()["data"]["flows"] == fresh.json()["data"]["flows"]
    assert User.objects.filter(email__iexact="taken@example.com").count() == 1


def test_signing_up_with_a_registered_phone_looks_the_same(client, on_commit):
    MemberFactory(phone="+8613800138000")
    response = signup(client, on_commit)
    assert response.status_code == 401
    assert not User.objects.filter(email="new.buyer@example.com").exists()


def test_login_by_email(client):
    member = MemberFactory()
    response = client.post(
        f"{BROWSER}/auth/login",
        {"email": member.email, "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert client.get("/api/v1/me/").json()["email"] == member.email


def test_an_app_logs_in_by_phone_and_uses_its_session_token():
    member = MemberFactory(phone="+8613912345678")
    app = Client()
    response = app.post(
        f"{APP}/auth/login",
        {"phone": "+8613912345678", "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    token = response.json()["meta"]["session_token"]
    me = Client().get("/api/v1/me/", HTTP_X_SESSION_TOKEN=token)
    assert me.status_code == 200 and me.json()["email"] == member.email


def test_a_wrong_password_does_not_say_whether_the_account_exists(client):
    member = MemberFactory()
    wrong = client.post(
        f"{BROWSER}/auth/login",
        {"email": member.email, "password": "nope"},
        content_type="application/json",
    )
    unknown = client.post(
        f"{BROWSER}/auth/login",
        {"email": "nobody@example.com", "password": "nope"},
        content_type="application/json",
    )
    assert wrong.status_code == unknown.status_code == 400
    assert wrong.json()["errors"] == unknown.json()["errors"]


def test_logout_ends_the_session(client):
    member = MemberFactory()
    client.force_login(member)
    assert client.delete(f"{BROWSER}/auth/session").status_code == 401
    assert client.get("/api/v1/me/").status_code == 401


def test_password_reset_by_email_code(client, on_commit):
    member = MemberFactory()
    with on_commit():
        response = client.post(
            f"{BROWSER}/auth/password/request",
            {"email": member.email},
            content_type="application/json",
        )
    assert response.status_code == 401
    assert pending(response) == {"password_reset_by_code"}
    response = client.post(
        f"{BROWSER}/auth/password/reset",
        {"key": code_from_last_mail(), "password": NEW_PASSWORD},
        content_type="application/json",
    )
    assert response.status_code in (200, 401), response.json()
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)


def test_a_reset_for_an_unknown_email_answers_the_same(client, on_commit):
    member = MemberFactory()
    with on_commit():
        known = Client().post(
            f"{BROWSER}/auth/password/request",
            {"email": member.email},
            content_type="application/json",
        )
        unknown = client.post(
            f"{BROWSER}/auth/password/request",
            {"email": "nobody@example.com"},
            content_type="application/json",
        )
    assert unknown.status_code == known.status_code
    assert unknown.json() == known.json()


def test_password_change_needs_the_current_password(client):
    member = MemberFactory()
    client.force_login(member)
    wrong = client.post(
        f"{BROWSER}/account/password/change",
        {"current_password": "nope", "new_password": NEW_PASSWORD},
        content_type="application/json",
    )
    assert wrong.status_code == 400
    right = client.post(
        f"{BROWSER}/account/password/change",
        {"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        content_type="application/json",
    )
    assert right.status_code == 200
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)


def test_members_list_and_end_their_other_sessions():
    member = MemberFactory()
    phone, laptop = Client(), Client()
    for device in (phone, laptop):
        device.post(
            f"{BROWSER}/auth/login",
            {"email": member.email, "password": PASSWORD},
            content_type="application/json",
        )
    sessions = laptop.get(f"{BROWSER}/auth/sessions").json()["data"]
    assert len(sessions) == 2
    other = next(s for s in sessions if not s["is_current"])
    response = laptop.delete(
        f"{BROWSER}/auth/sessions",
        {"sessions": [other["id"]]},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert phone.get("/api/v1/me/").status_code == 401
    assert laptop.get("/api/v1/me/").status_code == 200


def test_after_cancelling_the_email_and_phone_can_register_again(client, on_commit):
    from members.accounts.services import member_cancel

    old = MemberFactory(email="again@example.com", phone="+8613800138000")
    with on_commit():
        member_cancel(user=old, password=PASSWORD)
    response = signup(client, on_commit, email="again@example.com")
    assert response.status_code == 401
    new = User.objects.get(email="again@example.com")
    assert new.pk != old.pk and new.phone == "+8613800138000"
