"""Uploads beyond every limit, or of a disguised type, are refused before anything is
stored: whole multipart bodies over ``API_UPLOAD_MAX_BYTES`` before Django spools
them (the view never runs), decompression bombs and disguised files by the upload
endpoints. Per-endpoint 413/415
cases live beside each endpoint's tests."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from members.enquiries.services.procurement import procurement_request_create
from members.models import ProcurementAttachment
from tests.factories.members import MemberFactory

pytestmark = pytest.mark.django_db


def stored_files(root) -> list[str]:
    return [name for _folder, _dirs, files in os.walk(root) for name in files]


@pytest.fixture
def member_client(api_client):
    member = MemberFactory()
    api_client.force_authenticate(member)
    api_client.member = member
    return api_client


def png(size=(32, 32)) -> bytes:
    buffer = io.BytesIO()
    Image.new("1", size).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def test_a_multipart_body_over_the_upload_cap_is_a_413_before_any_view(
    member_client, settings
):
    settings.API_UPLOAD_MAX_BYTES = 4096
    upload = SimpleUploadedFile("me.png", png() + b"\0" * 8192)
    response = member_client.put("/api/v1/me/avatar/", {"file": upload})
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert "4096 bytes" in response.json()["detail"]
    member_client.member.refresh_from_db()
    assert not member_client.member.avatar
    assert stored_files(settings.MEDIA_ROOT) == []
    assert stored_files(settings.PRIVATE_MEDIA_ROOT) == []


def test_an_upload_within_the_cap_reaches_the_endpoint(member_client, settings):
    settings.API_UPLOAD_MAX_BYTES = 64 * 1024
    upload = SimpleUploadedFile("me.png", png())
    assert member_client.put("/api/v1/me/avatar/", {"file": upload}).status_code == 200


def test_a_decompression_bomb_avatar_is_refused_and_not_stored(member_client, settings):
    bomb = png(size=(20_000, 20_000))  # 400 megapixels, a few kB compressed
    assert len(bomb) < 2 * 1024 * 1024
    upload = SimpleUploadedFile("bomb.png", bomb)
    response = member_client.put("/api/v1/me/avatar/", {"file": upload})
    assert response.status_code == 415
    assert stored_files(settings.MEDIA_ROOT) == []
    assert stored_files(settings.PRIVATE_MEDIA_ROOT) == []


def test_an_executable_named_like_a_pdf_is_not_attached(member_client, settings):
    request, _ = procurement_request_create(
        user=member_client.member,
        data={"title": "RFQ", "delivery_province": "上海", "delivery_city": "上海"},
        items=[{"description": "机油", "quantity": "1", "unit": "t"}],
    )
    upload = SimpleUploadedFile("spec.pdf", b"MZ\x90\x00" + b"\0" * 512)
    response = member_client.post(
        f"/api/v1/me/procurement-requests/{request.pk}/attachments/",
        {"file": upload},
        format="multipart",
    )
    assert response.status_code == 415
    assert not ProcurementAttachment.objects.exists()
    assert stored_files(settings.MEDIA_ROOT) == []
    assert stored_files(settings.PRIVATE_MEDIA_ROOT) == []
