"""The admin's document and image uploads refuse archives that expand too far
(``cms.forms``, ``core.archives``), as procurement attachments do: a 200 KB
spreadsheet that unpacks to 200 MB never reaches storage."""

import io
import os
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cms.models import CustomDocument, CustomImage
from tests.factories.members import StaffFactory

pytestmark = pytest.mark.django_db


def xlsx_expanding_to(total: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(total // len(chunk)):
                sheet.write(chunk)
    return buffer.getvalue()


def small_xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def stored(root) -> list[str]:
    return [name for _d, _s, files in os.walk(root) for name in files]


@pytest.fixture
def admin_client(client):
    client.force_login(StaffFactory(is_superuser=True))
    return client


def test_a_spreadsheet_bomb_is_refused_by_the_document_upload(admin_client, settings):
    bomb = xlsx_expanding_to(20 * 1024 * 1024)
    assert len(bomb) < 100 * 1024  # unpacks more than 100 times its size
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Price list",
            "collection": 1,
            "language": "zh-hans",
            "file": SimpleUploadedFile("prices.xlsx", bomb),
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert "expands" in response.content.decode() or "解压" in response.content.decode()
    assert not CustomDocument.objects.exists()
    assert stored(settings.MEDIA_ROOT) == []
    assert stored(settings.PRIVATE_MEDIA_ROOT) == []


def test_a_spreadsheet_bomb_is_refused_by_the_multiple_document_upload(admin_client):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {
            "collection": 1,
            "files[]": SimpleUploadedFile(
                "prices.xlsx", xlsx_expanding_to(20 * 1024 * 1024)
            ),
        },
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not CustomDocument.objects.exists()


def test_an_ordinary_spreadsheet_is_stored(admin_client):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Price list",
            "collection": 1,
            "language": "zh-hans",
            "file": SimpleUploadedFile("prices.xlsx", small_xlsx()),
        },
    )
    assert response.status_code == 302
    assert CustomDocument.objects.get().title == "Price list"


def test_an_image_carrying_an_expanding_archive_is_refused(admin_client):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "PNG")
    polyglot = buffer.getvalue() + xlsx_expanding_to(20 * 1024 * 1024)
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"collection": 1, "files[]": SimpleUploadedFile("logo.png", polyglot)},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not CustomImage.objects.exists()
