"""Attachments: PDF, XLSX, JPEG, PNG judged by content, ≤ 10 MB, at most 5."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from members.enquiries.services.attachments import ATTACHMENT_MAX_BYTES
from members.enquiries.services.procurement import procurement_request_create
from members.models import ProcurementAttachment
from tests.factories.members import MemberFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def rfq(member, submit=True):
    return procurement_request_create(
        user=member,
        data={"title": "RFQ", "delivery_province": "上海市", "delivery_city": "上海市"},
        items=[{"description": "机油", "quantity": "1", "unit": "t"}],
        submit=submit,
    )[0]


def upload(client, request, name, content):
    return client.post(
        f"/api/v1/me/procurement-requests/{request.pk}/attachments/",
        {"file": SimpleUploadedFile(name, content)},
        format="multipart",
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("spec.pdf", PDF, "application/pdf"),
        ("photo.PNG", PNG, "image/png"),
        ("photo.jpg", JPEG, "image/jpeg"),
        (
            "list.xlsx",
            xlsx_bytes(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ],
)
def test_allowed_files_are_attached_and_shown(
    member_client, name, content, content_type
):
    request = rfq(member_client.member)
    response = upload(member_client, request, name, content)
    assert response.status_code == 201, response.json()
    assert response.json()["content_type"] == content_type
    detail = member_client.get(f"/api/v1/me/procurement-requests/{request.pk}/").json()
    assert [a["name"] for a in detail["attachments"]] == [name]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("evil.pdf", b"MZ\x90\x00 not a pdf"),  # an executable named .pdf
        ("spec.png", PDF),  # a PDF named .png
        ("archive.xlsx", b"PK\x03\x04 not really a zip"),
        ("script.html", b"<script>alert(1)</script>"),
    ],
)
def test_other_content_is_a_415_and_nothing_is_stored(member_client, name, content):
    request = rfq(member_client.member)
    response = upload(member_client, request, name, content)
    assert response.status_code == 415
    assert response["Content-Type"] == "application/problem+json"
    assert not ProcurementAttachment.objects.exists()


def test_a_file_over_10_mb_is_a_413_and_nothing_is_stored(member_client):
    request = rfq(member_client.member)
    response = upload(
        member_client, request, "big.pdf", PDF + b"0" * ATTACHMENT_MAX_BYTES
    )
    assert response.status_code == 413
    assert response.json()["code"] == "attachment_too_large"
    assert not ProcurementAttachment.objects.exists()


def test_a_sixth_attachment_is_refused(member_client):
    request = rfq(member_client.member)
    for i in range(5):
        assert upload(member_client, request, f"{i}.pdf", PDF).status_code == 201
    response = upload(member_client, request, "6.pdf", PDF)
    assert response.status_code == 409
    assert response.json()["code"] == "too_many_attachments"


def test_another_members_request_takes_no_attachment(member_client):
    theirs = rfq(MemberFactory())
    assert upload(member_client, theirs, "x.pdf", PDF).status_code == 404


def xlsx_expanding_to(total: int, *, entries: int = 1) -> bytes:
    """A valid-looking workbook whose entries unpack to ``total`` zero bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        chunk = b"\0" * min(total // entries, 1024 * 1024)
        for n in range(entries):
            with archive.open(f"xl/worksheets/sheet{n}.xml", "w") as sheet:
                for _ in range(total // entries // len(chunk)):
                    sheet.write(chunk)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("total", "entries"),
    [
        pytest.param(200 * 1024 * 1024, 1, id="200 MB inside"),
        pytest.param(5 * 1024 * 1024, 1, id="ratio over 100"),
        pytest.param(2400, 1200, id="1200 entries"),
    ],
)
def test_a_spreadsheet_that_expands_too_far_is_a_413_and_not_stored(
    member_client, total, entries
):
    content = xlsx_expanding_to(total, entries=entries)
    request = rfq(member_client.member)
    assert len(content) < 1024 * 1024
    response = upload(member_client, request, "bomb.xlsx", content)
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "attachment_expands"
    assert not ProcurementAttachment.objects.exists()
