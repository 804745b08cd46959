"""Withdrawal stops processing (issue 13): with the privacy policy consent withdrawn
or pending, nothing new is recorded for the member — no footprints, download
records, e-mail tracking or recommendation data; the footprints setting stops
recording too; and the member deletes their download records, consultations and
procurement requests (quoted ones kept for accounting, without their data)."""

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from legal.selectors import processing_allowed
from legal.services import consent_withdraw, purpose_consent_set
from members.activity import services as activity
from members.enquiries.models import ProcurementRequest, ProcurementStatus
from members.enquiries.services import consultations, procurement
from members.subscriptions.consents import tracking_allowed
from tests.factories.catalogue import DocumentFactory
from tests.factories.member_data import catalogue_product
from tests.factories.members import MemberFactory
from tests.frontend_api import consents as consent_fixtures
from tests.frontend_api.consents import accept_current, publish

pytestmark = pytest.mark.django_db

policy = consent_fixtures.policy


@pytest.fixture
def member(policy):
    member = MemberFactory()
    accept_current(member, policy)
    return member


@pytest.fixture
def product(tree):
    return catalogue_product("wd")


def _grant(member, purpose):
    purpose_consent_set(user=member, purpose=purpose, granted=True, channel="web")


def test_a_member_with_current_consent_is_recorded(member, product):
    activity.footprint_record(user=member, page=product)
    document = DocumentFactory(file=ContentFile(b"x", name="tds.pdf"))
    activity.download_record_create(user=member, document=document)
    _grant(member, "email_tracking")
    _grant(member, "personalised_recommendations")
    assert member.footprints.count() == 1
    assert member.download_records.count() == 1
    assert tracking_allowed(user=member, email=member.email)
    assert activity.recommendations_allowed(user=member)


@pytest.mark.parametrize("state", ["withdrawn", "pending"])
def test_nothing_new_is_recorded_without_current_consent(
    member, product, policy, state
):
    _grant(member, "email_tracking")
    _grant(member, "personalised_recommendations")
    if state == "withdrawn":
        consent_withdraw(user=member, policy=policy, channel="web")
    else:
        publish(policy)
    assert not processing_allowed(member)
    activity.footprint_record(user=member, page=product)
    document = DocumentFactory(file=ContentFile(b"x", name="tds.pdf"))
    assert activity.download_record_create(user=member, document=document) is None
    assert member.footprints.count() == 0
    assert member.download_records.count() == 0
    assert not tracking_allowed(user=member, email=member.email)
    assert not activity.recommendations_allowed(user=member)


def test_the_footprints_setting_stops_recording(api_client, member, product):
    api_client.force_authenticate(member)
    response = api_client.patch(
        "/api/v1/me/", {"record_footprints": False}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["record_footprints"] is False
    member.refresh_from_db()
    activity.footprint_record(user=member, page=product)
    assert member.footprints.count() == 0
    member.record_footprints = True
    activity.footprint_record(user=member, page=product)
    assert member.footprints.count() == 1
    cleared = api_client.delete("/api/v1/me/footprints/")
    assert cleared.status_code == 204 and member.footprints.count() == 0


def test_a_member_deletes_download_records(api_client, member):
    api_client.force_authenticate(member)
    document = DocumentFactory(file=ContentFile(b"x", name="tds.pdf"))
    first = activity.download_record_create(user=member, document=document)
    activity.download_record_create(user=member, document=document)
    other = MemberFactory()
    theirs = other.download_records.create(document=document, document_title="T")
    assert api_client.delete(f"/api/v1/me/downloads/{theirs.pk}/").status_code == 404
    assert api_client.delete(f"/api/v1/me/downloads/{first.pk}/").status_code == 204
    assert member.download_records.count() == 1
    assert api_client.delete("/api/v1/me/downloads/").status_code == 204
    assert member.download_records.count() == 0
    assert other.download_records.count() == 1


def test_a_member_deletes_a_consultation_with_its_thread(api_client, member):
    api_client.force_authenticate(member)
    consultation = consultations.consultation_create(user=member, message="请问价格")
    response = api_client.delete(f"/api/v1/me/consultations/{consultation.pk}/")
    assert response.status_code == 204
    assert not type(consultation).objects.filter(pk=consultation.pk).exists()


def _request(member, title="RFQ"):
    found, _ = procurement.procurement_request_create(
        user=member,
        data={
            "title": title,
            "delivery_province": "上海",
            "delivery_city": "上海",
            "notes": "私密备注",
            "budget": Decimal("100.00"),
        },
        items=[{"description": "HM46", "quantity": 1, "unit": "drum_200l"}],
    )
    procurement.procurement_message_add(
        request=found, author=member, body="我的消息", from_staff=False
    )
    return found


def test_an_open_request_is_deleted_entirely(api_client, member):
    api_client.force_authenticate(member)
    found = _request(member)
    response = api_client.delete(f"/api/v1/me/procurement-requests/{found.pk}/")
    assert response.status_code == 204
    assert not ProcurementRequest.objects.filter(pk=found.pk).exists()


def test_a_quoted_request_is_kept_for_accounting_without_personal_data(
    api_client, member
):
    api_client.force_authenticate(member)
    found = _request(member)
    ProcurementRequest.objects.filter(pk=found.pk).update(
        status=ProcurementStatus.QUOTED
    )
    response = api_client.delete(f"/api/v1/me/procurement-requests/{found.pk}/")
    assert response.status_code == 204
    kept = ProcurementRequest.objects.get(pk=found.pk)
    assert kept.user is None and kept.title == "RFQ"
    assert member.email not in {kept.contact_email, kept.contact_name}
    assert kept.notes == "" and kept.company_name == "" and kept.contact_phone == ""
    assert list(kept.messages.values_list("body", flat=True)) == ["—"]
    assert kept.items.count() == 1
    listed = api_client.get("/api/v1/me/procurement-requests/").json()
    assert listed["count"] == 0
