"""Sign-up through allauth's headless API with the current policies, a statement of
age, a guardian's consent for a minor and optional purposes — all written as
consent records with the account, or nothing at all."""

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.test import Client

from core.errors import Conflict
from legal.models import ConsentRecord
from legal.selectors import purpose_granted
from members.models import User
from tests.factories.members import PASSWORD, MemberFactory
from tests.frontend_api import consents as consent_fixtures
from tests.frontend_api.consents import (
    APP,
    BROWSER,
    accept_current,
    current,
    publish,
)

pytestmark = pytest.mark.django_db

# The policy fixtures live with the legal tests; pytest finds them here too.
policy = consent_fixtures.policy

EMAIL = "new.buyer@example.com"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def payload(**overrides):
    data = {
        "email": EMAIL,
        "password": PASSWORD,
        "age_group": "18_or_over",
        "accepted_policies": [{"policy": "privacy", "version": "2024-03-01"}],
    }
    data.update(overrides)
    return data


def signup(client, django_capture_on_commit_callbacks, base=BROWSER, **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            f"{base}/auth/signup",
            payload(**overrides),
            content_type="application/json",
            HTTP_USER_AGENT="TestBrowser/1.0",
            HTTP_ACCEPT_LANGUAGE="en",
        )


def error_codes(response):
    return {(e["param"], e["code"]) for e in response.json()["errors"]}


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    return lambda **overrides: signup(
        client, django_capture_on_commit_callbacks, **overrides
    )


def test_accepting_the_current_policy_is_recorded_with_the_account(send, policy):
    response = send()
    assert response.status_code == 401  # signed up; the e-mail awaits verification
    user = User.objects.get(email=EMAIL)
    record = ConsentRecord.objects.get(user=user)
    assert (record.policy_id, record.version, record.action) == (
        policy.pk,
        current(policy),
        ConsentRecord.Action.ACCEPTED,
    )
    assert (record.locale, record.channel) == ("en", "web")
    assert record.user_agent == "TestBrowser/1.0"


def test_the_app_client_records_the_app_channel(
    django_capture_on_commit_callbacks, policy
):
    signup(Client(), django_capture_on_commit_callbacks, base=APP, locale="zh-hans")
    record = ConsentRecord.objects.get(user__email=EMAIL)
    assert (record.channel, record.locale) == ("app", "zh-hans")


def test_signing_up_without_accepting_the_policy_is_refused(send, policy):
    response = send(accepted_policies=[])
    assert response.status_code == 400
    assert error_codes(response) == {("accepted_policies", "consent_required")}
    assert not User.objects.exists() and not ConsentRecord.objects.exists()


def test_an_outdated_version_is_refused(send, policy):
    newer = publish(policy)
    response = send()
    assert response.status_code == 400
    assert error_codes(response) == {("accepted_policies", "policy_outdated")}
    assert newer.label in response.json()["errors"][0]["message"]
    assert not User.objects.exists()


def test_an_unknown_policy_or_a_malformed_list_is_refused(send, policy):
    unknown = send(
        accepted_policies=[
            {"policy": "privacy", "version": "2024-03-01"},
            {"policy": "cookies", "version": "2024-03-01"},
        ]
    )
    assert error_codes(unknown) == {("accepted_policies", "policy_unknown")}
    malformed = send(accepted_policies=["privacy"])
    assert error_codes(malformed) == {("accepted_policies", "invalid")}
    assert not User.objects.exists()


def test_with_no_policy_published_no_consent_is_required(send, tree):
    response = send(accepted_policies=[])
    assert response.status_code == 401
    assert User.objects.filter(email=EMAIL).exists()
    assert not ConsentRecord.objects.exists()


def test_a_minor_without_a_guardian_is_refused(send, policy):
    response = send(age_group="under_14", guardian_name="张家长")
    assert response.status_code == 400
    assert error_codes(response) == {
        ("guardian_contact", "guardian_required"),
        ("guardian_consent", "guardian_required"),
        ("sensitive_data_consent", "sensitive_consent_required"),
    }
    assert not User.objects.exists() and not ConsentRecord.objects.exists()


def test_a_minors_guardian_consent_is_its_own_record(send, policy):
    response = send(
        age_group="under_14",
        guardian_name="张家长",
        guardian_contact="+8613900139000",
        guardian_consent=True,
        sensitive_data_consent=True,
    )
    assert response.status_code == 401
    user = User.objects.get(email=EMAIL)
    assert user.is_minor and user.age_group == "under_14"
    records = ConsentRecord.objects.filter(user=user)
    assert records.count() == 3
    sensitive = records.get(purpose=ConsentRecord.Purpose.CHILD_SENSITIVE)
    assert sensitive.action == ConsentRecord.Action.ACCEPTED
    assert sensitive.data == {"guardian_name": "张家长", "confirmed": True}
    guardian = records.get(purpose=ConsentRecord.Purpose.GUARDIAN)
    assert guardian.action == ConsentRecord.Action.ACCEPTED
    assert guardian.data == {
        "guardian_name": "张家长",
        "guardian_contact": "+8613900139000",
        "confirmed": True,
    }
    assert records.get(policy=policy).version == current(policy)


def test_optional_purposes_may_be_granted_at_sign_up(send, policy):
    send(purposes=["marketing_email"])
    user = User.objects.get(email=EMAIL)
    assert purpose_granted(user, "marketing_email") is True
    assert purpose_granted(user, "email_tracking") is False
    assert purpose_granted(user, "personalised_recommendations") is False


def test_the_guardian_purpose_cannot_be_granted_as_an_optional_one(send, policy):
    response = send(purposes=["guardian"])
    assert error_codes(response) == {("purposes", "invalid_choice")}
    assert not User.objects.exists()


def test_a_failure_while_recording_consents_leaves_no_account(
    send, policy, monkeypatch
):
    def stale(**kwargs):
        raise Conflict("Not the current version.", code="stale_version")

    monkeypatch.setattr("legal.services.consents.consent_accept", stale)
    response = send()
    assert response.status_code == 409
    assert response.json()["code"] == "stale_version"
    assert not User.objects.exists()
    assert not EmailAddress.objects.exists()
    assert not ConsentRecord.objects.exists()


# --- the session payload -----------------------------------------------------------


def session_user(client):
    response = client.get(f"{BROWSER}/auth/session")
    assert response.status_code == 200
    return response.json()["data"]["user"]


def test_the_session_lists_the_policies_awaiting_consent(client, policy):
    member = MemberFactory()
    accept_current(member, policy)
    client.force_login(member)
    assert session_user(client)["consent_required"] == []

    material = publish(policy)
    assert session_user(client)["consent_required"] == [
        {
            "policy": "privacy",
            "version": material.label,
            "title": policy.title,
            "effective_date": material.effective_date.isoformat(),
            "change_summary": "",
        }
    ]
    client.post(
        "/api/v1/me/consents/",
        {"policy": "privacy", "version": material.label},
        content_type="application/json",
    )
    assert session_user(client)["consent_required"] == []


def test_an_editorial_version_does_not_ask_again(client, policy):
    member = MemberFactory()
    accept_current(member, policy)
    publish(policy, material=False)
    client.force_login(member)
    assert session_user(client)["consent_required"] == []


def test_the_app_login_response_carries_the_pending_list(policy):
    member = MemberFactory()
    response = Client().post(
        f"{APP}/auth/login",
        {"email": member.email, "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200
    pending = response.json()["data"]["user"]["consent_required"]
    assert [item["policy"] for item in pending] == ["privacy"]


def test_a_minor_of_14_to_17_needs_a_guardian_but_no_sensitive_consent(send, policy):
    refused = send(age_group="14_to_17")
    assert refused.status_code == 400
    assert error_codes(refused) == {
        ("guardian_name", "guardian_required"),
        ("guardian_contact", "guardian_required"),
        ("guardian_consent", "guardian_required"),
    }
    response = send(
        age_group="14_to_17",
        guardian_name="张家长",
        guardian_contact="+8613900139000",
        guardian_consent=True,
    )
    assert response.status_code == 401
    user = User.objects.get(email=EMAIL)
    assert user.age_group == "14_to_17" and user.is_minor
    purposes = set(
        ConsentRecord.objects.filter(user=user).values_list("purpose", flat=True)
    )
    assert purposes == {"", ConsentRecord.Purpose.GUARDIAN}


def test_the_old_age_statement_is_refused(send, policy):
    response = send(age_group="14_or_over")
    assert response.status_code == 400
    assert {code for _field, code in error_codes(response)} == {"invalid_choice"}
    assert not User.objects.exists()
