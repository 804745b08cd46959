"""/api/v1/me/consents/ and /api/v1/consents/: accept, withdraw, receipts, privacy."""

import pytest
from django.contrib.auth import get_user_model

from legal.importer import policy_import
from legal.models import ConsentRecord
from tests.legal import conftest as legal_fixtures
from tests.legal.fixtures import ZH

pytestmark = pytest.mark.django_db

# The policy fixtures live with the legal tests; pytest finds them here too.
policy = legal_fixtures.policy


@pytest.fixture
def member():
    return get_user_model().objects.create_user("buyer@example.com", "pw-123456")


@pytest.fixture
def member_client(api_client, member):
    api_client.force_authenticate(member)
    return api_client


def _accept(client, version="2024-03-01", **extra):
    return client.post(
        "/api/v1/me/consents/",
        {"policy": "privacy", "version": version, **extra},
        format="json",
        HTTP_USER_AGENT="TestBrowser/1.0",
        REMOTE_ADDR="198.51.100.23",
    )


def test_accepting_the_current_version_returns_a_receipt(member_client, member, policy):
    response = _accept(member_client, locale="en", channel="app")
    assert response.status_code == 201
    body = response.json()
    assert (body["policy"], body["version"], body["action"]) == (
        "privacy",
        "2024-03-01",
        "accepted",
    )
    record = ConsentRecord.objects.get(receipt_id=body["receipt_id"])
    assert record.user == member and record.locale == "en" and record.channel == "app"
    assert record.user_agent == "TestBrowser/1.0"
    assert record.ip_address == "198.51.100.0"
    assert record.subject_pseudonym.startswith("m_")


def test_my_consents_say_what_i_accepted_and_whether_consent_is_required(
    member_client, policy
):
    before = member_client.get("/api/v1/me/consents/").json()
    assert before["results"][0]["requires_consent"] is True
    assert before["results"][0]["accepted_version"] is None
    assert before["purposes"]["marketing_email"] is False
    _accept(member_client)
    after = member_client.get("/api/v1/me/consents/").json()["results"][0]
    assert after["accepted_version"] == after["current_version"] == "2024-03-01"
    assert after["requires_consent"] is False


def test_accepting_a_stale_version_is_a_409(member_client, policy):
    policy_import(
        text=ZH.replace("遵守法律", "遵守全部法律"),
        locale="zh-hans",
        slug="privacy",
        publish=True,
    )
    response = _accept(member_client, version="2024-03-01")
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "stale_version"
    assert body["current_version"] == "2024-03-01-2"
    assert ConsentRecord.objects.count() == 0


def test_unknown_version_is_404_and_bad_channel_is_400(member_client, policy):
    assert _accept(member_client, version="2000-01-01").status_code == 404
    response = _accept(member_client, channel="fax")
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "channel"


def test_withdrawing_records_a_withdrawal_and_requires_consent_again(
    member_client, policy
):
    assert (
        member_client.post(
            "/api/v1/me/consents/withdraw/", {"policy": "privacy"}, format="json"
        ).status_code
        == 409
    )
    _accept(member_client)
    response = member_client.post(
        "/api/v1/me/consents/withdraw/", {"policy": "privacy"}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["action"] == "withdrawn"
    status = member_client.get("/api/v1/me/consents/").json()["results"][0]
    assert status["withdrawn"] is True and status["requires_consent"] is True


def test_another_member_never_sees_my_consents(api_client, member, policy):
    api_client.force_authenticate(member)
    _accept(api_client)
    other = get_user_model().objects.create_user("other@example.com", "pw-123456")
    api_client.force_authenticate(other)
    status = api_client.get("/api/v1/me/consents/").json()["results"][0]
    assert status["accepted_version"] is None and status["receipt_id"] is None
    assert status["requires_consent"] is True


def test_me_endpoints_need_a_signed_in_active_member(api_client, member, policy):
    assert api_client.get("/api/v1/me/consents/").status_code in {401, 403}
    member.is_active = False
    member.save()
    api_client.force_authenticate(member)
    assert api_client.get("/api/v1/me/consents/").status_code in {401, 403}


def test_a_visitor_gets_a_receipt_for_a_notice(api_client, policy):
    response = api_client.post(
        "/api/v1/consents/",
        {"policy": "privacy", "version": "2024-03-01", "channel": "mini_program"},
        format="json",
        HTTP_X_VISITOR_ID="visitor-42",
        REMOTE_ADDR="2001:db8:abcd:12:1:2:3:4",
    )
    assert response.status_code == 201
    record = ConsentRecord.objects.get(receipt_id=response.json()["receipt_id"])
    assert record.user is None and record.visitor_id == "visitor-42"
    assert record.ip_address == "2001:db8:abcd::"
    assert record.channel == "mini_program"


def test_a_visitor_receipt_needs_a_visitor_id(api_client, policy):
    response = api_client.post(
        "/api/v1/consents/",
        {"policy": "privacy", "version": "2024-03-01"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "visitor_id_required"
