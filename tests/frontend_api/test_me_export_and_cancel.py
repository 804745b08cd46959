"""The right of access (``GET /api/v1/me/export/``) and cancellation
(``DELETE /api/v1/me/``): after it, no column of any table names the member."""

import io

import pytest
from allauth.usersessions.models import UserSession
from django.apps import apps
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.db.models.functions import Cast
from PIL import Image

from core import privacy
from members.accounts.services import avatar_set
from members.models import PrivacyRequest, User
from members.privacy.services import privacy_request_create
from tests.factories.members import PASSWORD, MemberFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def member():
    return MemberFactory(
        email="zhang.wei.unique@example.com",
        display_name="张伟独特",
        first_name="Wei",
        last_name="Zhangunique",
        phone="+8613712345678",
        wechat_id="wx_zhangwei_unique",
        qq="987654321",
        company_name="独特润滑油采购有限公司",
    )


def test_the_scan_finds_a_member_before_cancellation(member):
    assert "members_user.email" in columns_mentioning([member.email])
    assert "members_user.qq" in columns_mentioning([member.qq])


@pytest.fixture
def signed_in(client, member):
    """A real session (so allauth records it as one of the member's sessions)."""
    client.force_login(member)
    assert client.get("/api/v1/me/").status_code == 200
    return client


def personal_values(member) -> list[str]:
    return [
        member.email,
        member.phone,
        member.phone[3:],  # national number
        member.display_name,
        member.first_name,
        member.last_name,
        member.wechat_id,
        member.qq,
        member.company_name,
    ]


def columns_mentioning(values: list[str]) -> list[str]:
    """Every concrete column of every table (cast to text) that contains any of
    ``values``, as ``table.column``."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if opts.proxy or not opts.managed:
            continue
        for field in opts.concrete_fields:
            if isinstance(field, models.BinaryField):
                continue
            query = models.Q()
            for value in values:
                query |= models.Q(_as_text__icontains=value)
            queryset = model._base_manager.annotate(
                _as_text=Cast(field.attname, models.TextField())
            ).filter(query)
            if queryset.exists():
                found.append(f"{opts.db_table}.{field.column}")
    return found


def test_the_export_holds_the_profile_and_every_registered_table(signed_in, member):
    privacy_request_create(user=member, kind="access", details="all of it")
    response = signed_in.get("/api/v1/me/export/")
    assert response.status_code == 200
    data = response.json()["data"]
    assert set(data) == {r.label for r in privacy.registrations()}
    assert data["members.User"]["wechat_id"] == "wx_zhangwei_unique"
    assert data["members.PrivacyRequest"][0]["details"] == "all of it"
    assert len(data["usersessions.UserSession"]) == 1


def test_the_export_holds_nothing_of_another_member(signed_in):
    other = MemberFactory()
    privacy_request_create(user=other, kind="access", details="someone else's")
    data = signed_in.get("/api/v1/me/export/").json()["data"]
    assert data["members.PrivacyRequest"] == []
    assert other.email not in str(data)


def test_a_wrong_password_is_403_and_nothing_is_erased(signed_in, member):
    response = signed_in.delete(
        "/api/v1/me/", {"password": "wrong"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json()["code"] == "password_incorrect"
    member.refresh_from_db()
    assert member.is_active and member.email == "zhang.wei.unique@example.com"
    assert member.company_name == "独特润滑油采购有限公司"
    assert signed_in.get("/api/v1/me/").status_code == 200
    assert mail.outbox == []


def test_a_missing_password_is_a_400(signed_in):
    response = signed_in.delete("/api/v1/me/", {}, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "password"


def test_cancelling_erases_the_member_everywhere(
    signed_in, member, django_capture_on_commit_callbacks, settings
):
    staff = StaffFactory()
    member.customer_service = staff
    member.save()
    privacy_request_create(
        user=member, kind="deletion", details=f"I am {member.company_name}"
    )
    buffer = io.BytesIO()
    Image.new("RGB", (80, 80)).save(buffer, "PNG")
    with django_capture_on_commit_callbacks(execute=True):
        avatar_set(user=member, upload=SimpleUploadedFile("a.png", buffer.getvalue()))
    member.refresh_from_db()
    avatar_path = member.avatar.path
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.delete(
            "/api/v1/me/", {"password": PASSWORD}, content_type="application/json"
        )
    assert response.status_code == 204

    # the confirmation went to the old address
    assert [m.to for m in mail.outbox] == [["zhang.wei.unique@example.com"]]
    # signed out everywhere, the account is inactive
    assert signed_in.get("/api/v1/me/").status_code == 401
    assert not UserSession.objects.filter(user_id=member.pk).exists()
    erased = User.objects.get(pk=member.pk)
    assert not erased.is_active and erased.cancelled_at is not None
    assert not erased.has_usable_password()
    # the avatar file is gone
    import os

    assert not os.path.exists(avatar_path)
    # the request is kept as evidence, without the member
    kept = PrivacyRequest.objects.get()
    assert kept.user_id is None and kept.details == ""
    # no column of any table names them any more
    assert columns_mentioning(personal_values(member)) == []


def test_staff_accounts_are_not_cancelled_through_the_api(client):
    staff = StaffFactory()
    client.force_login(staff)
    response = client.delete(
        "/api/v1/me/", {"password": PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 403
    staff.refresh_from_db()
    assert staff.is_active
