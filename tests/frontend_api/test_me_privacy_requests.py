"""``/api/v1/me/privacy-requests/``: filed by members, due in 15 Chinese working
days, answered by staff; both sides are told by e-mail."""

import datetime

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Site

from cms.models import SiteSettings
from members.models import PrivacyRequest
from members.privacy.services import privacy_request_answer
from tests.factories.members import MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def privacy_officer():
    site = Site.objects.get(is_default_site=True)
    settings_row = SiteSettings.for_site(site)
    settings_row.company_name = "超润"
    settings_row.privacy_email = "privacy@lubpur.example"
    settings_row.save()
    return settings_row.privacy_email


@pytest.fixture
def member_client(api_client):
    member = MemberFactory()
    api_client.force_authenticate(member)
    api_client.member = member
    return api_client


def file_request(member, kind="access", details="Please send me my data."):
    from members.privacy.services import privacy_request_create

    return privacy_request_create(user=member, kind=kind, details=details)


def test_a_member_files_a_request_and_the_privacy_officer_is_emailed(
    member_client, privacy_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(
            "/api/v1/me/privacy-requests/",
            {"kind": "correction", "details": "My company name is wrong."},
            format="json",
        )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "open" and body["answer"] == "" and not body["is_overdue"]
    assert body["due_on"] > timezone.localdate().isoformat()
    assert [m.to for m in mail.outbox] == [[privacy_officer]]
    assert f"/admin/privacy_requests/edit/{body['id']}/" in mail.outbox[0].body


def test_the_due_date_counts_chinese_working_days(member_client, monkeypatch):
    received = timezone.make_aware(datetime.datetime(2026, 9, 18, 9, 0))
    monkeypatch.setattr(timezone, "now", lambda: received)
    request = file_request(member_client.member)
    assert request.due_on == datetime.date(2026, 10, 15)


def test_an_unknown_kind_is_a_400(member_client):
    response = member_client.post(
        "/api/v1/me/privacy-requests/", {"kind": "teleport", "details": "x"}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "kind"


def test_members_only_see_their_own_requests(member_client):
    mine = file_request(member_client.member)
    theirs = file_request(MemberFactory())
    listed = member_client.get("/api/v1/me/privacy-requests/").json()
    assert [r["id"] for r in listed["results"]] == [mine.pk]
    assert (
        member_client.get(f"/api/v1/me/privacy-requests/{mine.pk}/").status_code == 200
    )
    other = member_client.get(f"/api/v1/me/privacy-requests/{theirs.pk}/")
    assert other.status_code == 404
    assert other["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("count", [5, 50])
def test_the_list_takes_the_same_queries_for_5_or_50_requests(
    member_client, count, django_assert_max_num_queries
):
    PrivacyRequest.objects.bulk_create(
        PrivacyRequest(
            user=member_client.member,
            kind="other",
            details=str(i),
            due_on=timezone.localdate(),
        )
        for i in range(count)
    )
    with django_assert_max_num_queries(2):
        response = member_client.get("/api/v1/me/privacy-requests/?page_size=100")
    assert response.json()["count"] == count


def test_the_answer_is_emailed_to_the_member_and_shown_in_the_api(
    member_client, django_capture_on_commit_callbacks
):
    request = file_request(member_client.member)
    with django_capture_on_commit_callbacks(execute=True):
        privacy_request_answer(
            request=request, status="completed", answer="Corrected.", staff=None
        )
    assert [m.to for m in mail.outbox] == [[member_client.member.email]]
    assert "Corrected." in mail.outbox[0].body
    body = member_client.get(f"/api/v1/me/privacy-requests/{request.pk}/").json()
    assert body["status"] == "completed" and body["answer"] == "Corrected."
    assert body["answered_at"] is not None


def test_a_refusal_without_a_reason_is_rejected(member_client):
    from django.core.exceptions import ValidationError

    request = file_request(member_client.member)
    with pytest.raises(ValidationError) as info:
        privacy_request_answer(
            request=request, status="refused", answer=" ", staff=None
        )
    assert list(info.value.message_dict) == ["answer"]
    request.refresh_from_db()
    assert request.status == "open"


def test_a_pending_request_past_its_due_date_is_overdue(member_client):
    request = file_request(member_client.member)
    PrivacyRequest.objects.filter(pk=request.pk).update(
        due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert list(PrivacyRequest.objects.overdue()) == [request]
    body = member_client.get(f"/api/v1/me/privacy-requests/{request.pk}/").json()
    assert body["is_overdue"] is True
