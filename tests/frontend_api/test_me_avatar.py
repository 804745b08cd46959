"""``PUT/DELETE /api/v1/me/avatar/``: re-encoded, metadata stripped, thumbnailed;
413/415 before anything is stored."""

import base64
import io
import os

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories.members import MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def member_client(api_client):
    member = MemberFactory()
    api_client.force_authenticate(member)
    api_client.member = member
    return api_client


def image_bytes(fmt="JPEG", size=(600, 400), exif=True) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    buffer = io.BytesIO()
    kwargs = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "SpyCam Inc."  # Make
        data[0x0131] = "secret-software"  # Software
        kwargs["exif"] = data.tobytes()
    image.save(buffer, fmt, **kwargs)
    return buffer.getvalue()


def stored_files(settings) -> list[str]:
    root = settings.PRIVATE_MEDIA_ROOT  # avatars are private (core.files)
    found = []
    for folder, _dirs, files in os.walk(root):
        found += [os.path.join(folder, name) for name in files]
    return found


def test_a_jpeg_is_re_encoded_without_its_metadata_and_thumbnailed(
    member_client, settings
):
    upload = SimpleUploadedFile("me.jpg", image_bytes(), content_type="image/jpeg")
    response = member_client.put("/api/v1/me/avatar/", {"file": upload})
    assert response.status_code == 200, response.json()
    avatar = response.json()["avatar"]
    assert set(avatar) == {"url", "medium", "small"}
    member = member_client.member
    member.refresh_from_db()
    with member.avatar.open("rb") as f:
        data = f.read()
    assert b"SpyCam" not in data and b"secret-software" not in data
    assert Image.open(io.BytesIO(data)).getexif() == {}
    with member.avatar_small.open("rb") as f:
        assert Image.open(f).size == (64, 64)
    with member.avatar_medium.open("rb") as f:
        assert Image.open(f).size == (256, 256)


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_and_webp_are_accepted(member_client, fmt):
    upload = SimpleUploadedFile("me.img", image_bytes(fmt, exif=False))
    response = member_client.put("/api/v1/me/avatar/", {"file": upload})
    assert response.status_code == 200


def test_a_pdf_is_refused_with_415_and_nothing_is_stored(member_client, settings):
    upload = SimpleUploadedFile("me.jpg", b"%PDF-1.7\n" + b"0" * 1000)
    response = member_client.put("/api/v1/me/avatar/", {"file": upload})
    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_image_type"
    assert stored_files(settings) == []


def test_a_gif_is_refused_with_415(member_client):
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    upload = SimpleUploadedFile("me.gif", buffer.getvalue())
    assert member_client.put("/api/v1/me/avatar/", {"file": upload}).status_code == 415


def test_more_than_2_mb_is_refused_with_413_and_nothing_is_stored(
    member_client, settings
):
    big = image_bytes(exif=False) + b"\0" * (2 * 1024 * 1024)
    upload = SimpleUploadedFile("big.jpg", big, content_type="image/jpeg")
    response = member_client.put("/api/v1/me/avatar/", {"file": upload})
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"
    assert stored_files(settings) == []


def test_a_missing_file_is_a_400(member_client):
    response = member_client.put("/api/v1/me/avatar/", {}, format="multipart")
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "file"


def test_replacing_and_deleting_remove_the_old_files(
    member_client, settings, django_capture_on_commit_callbacks
):
    for _ in range(2):
        upload = SimpleUploadedFile("me.png", image_bytes("PNG", exif=False))
        with django_capture_on_commit_callbacks(execute=True):
            member_client.put("/api/v1/me/avatar/", {"file": upload})
    assert len(stored_files(settings)) == 3
    with django_capture_on_commit_callbacks(execute=True):
        assert member_client.delete("/api/v1/me/avatar/").status_code == 204
    assert stored_files(settings) == []
    assert member_client.get("/api/v1/me/").json()["avatar"] is None


def test_the_data_export_carries_the_avatar_itself(member_client):
    """The avatar has no public URL: the export embeds the image (a data URI)."""
    upload = SimpleUploadedFile("me.png", image_bytes("PNG", exif=False))
    assert member_client.put("/api/v1/me/avatar/", {"file": upload}).status_code == 200
    member = member_client.member
    member.refresh_from_db()  # the test client signs in this very object
    response = member_client.get("/api/v1/me/export/")
    assert response.status_code == 200
    profiles = [
        table
        for table in response.json()["data"].values()
        if isinstance(table, dict) and "avatar" in table
    ]
    assert len(profiles) == 1
    uri = profiles[0]["avatar"]
    assert uri.startswith("data:image/png;base64,")
    content = base64.b64decode(uri.split(",", 1)[1])
    with member.avatar.open("rb") as stored:
        assert content == stored.read()
    assert Image.open(io.BytesIO(content)).format == "PNG"
