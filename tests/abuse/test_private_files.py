"""Members-only documents, attachments and avatars are in the private storage
(``core.files``): no public URL serves them, only the views that check who asks
(issue 14 #6)."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from cms.models import CustomDocument
from members.enquiries.services.attachments import procurement_attachment_add
from members.enquiries.services.procurement import procurement_request_create
from tests.factories.catalogue import DocumentFactory
from tests.factories.members import MemberFactory

pytestmark = pytest.mark.django_db
SDS = b"%PDF-1.4 safety data sheet"


@pytest.fixture
def sds(settings):
    document = DocumentFactory(
        title="LP-HM46 SDS",
        members_only=True,
        file__filename="LP-HM46-sds.pdf",
        file__data=SDS,
    )
    return document


def test_a_members_only_document_is_private_and_served_only_by_the_download(
    sds, settings, api_client
):
    name = sds.file.name
    assert name.startswith("documents/") and name.endswith("/LP-HM46-sds.pdf")
    assert len(name.split("/")[1]) == 24  # a random folder
    assert (settings.PRIVATE_MEDIA_ROOT / name).read_bytes() == SDS
    assert not (settings.MEDIA_ROOT / "documents").exists()
    for url in ("/media/documents/LP-HM46-sds.pdf", f"/media/{name}"):
        assert Client().get(url).status_code == 404
    with pytest.raises(NotImplementedError):
        sds.file.url  # noqa: B018 (no URL to hand out)

    visitor = api_client.get(f"/api/v1/documents/{sds.pk}/download/")
    assert visitor.status_code == 401
    api_client.force_authenticate(MemberFactory())
    member = api_client.get(f"/api/v1/documents/{sds.pk}/download/")
    assert member.status_code == 200
    assert b"".join(member.streaming_content) == SDS
    assert member["Cache-Control"] == "private, no-store"


def test_wagtails_document_url_checks_the_audience_and_serves_privately(sds):
    url = f"/documents/{sds.pk}/LP-HM46-sds.pdf"
    assert Client().get(url).status_code == 401
    client = Client()
    client.force_login(MemberFactory())
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SDS


@pytest.mark.parametrize(
    ("method", "header", "expected"),
    [
        ("x-accel-redirect", "X-Accel-Redirect", "/protected/documents/"),
        ("x-sendfile", "X-Sendfile", "/"),
    ],
)
def test_the_web_server_sends_the_file_when_configured(
    sds, settings, api_client, method, header, expected
):
    settings.PRIVATE_MEDIA_SERVE = method
    settings.PRIVATE_MEDIA_ACCEL_PREFIX = "/protected/"
    api_client.force_authenticate(MemberFactory())
    response = api_client.get(f"/api/v1/documents/{sds.pk}/download/")
    assert response.status_code == 200
    assert response[header].startswith(expected)
    assert response[header].endswith("LP-HM46-sds.pdf")
    assert response.content == b""  # the body comes from the web server
    assert "LP-HM46-sds.pdf" in response["Content-Disposition"]


def test_an_attachment_is_served_to_its_member_only(api_client, settings):
    owner = MemberFactory()
    request, _created = procurement_request_create(
        user=owner,
        data={"title": "RFQ", "delivery_province": "上海市", "delivery_city": "上海市"},
        items=[{"description": "机油", "quantity": "1", "unit": "t"}],
    )
    attachment = procurement_attachment_add(
        request=request, upload=SimpleUploadedFile("spec.pdf", b"%PDF-1.7 spec")
    )
    assert (settings.PRIVATE_MEDIA_ROOT / attachment.file.name).exists()
    assert not settings.MEDIA_ROOT.exists() or not any(settings.MEDIA_ROOT.iterdir())
    api_client.force_authenticate(owner)
    detail = api_client.get(f"/api/v1/me/procurement-requests/{request.pk}/").json()
    url = detail["attachments"][0]["url"]
    assert url.startswith("http://testserver/api/v1/me/procurement-requests/")
    response = api_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 spec"
    api_client.force_authenticate(MemberFactory())
    assert api_client.get(url).status_code == 404


def test_existing_public_files_move_to_the_private_storage_once(settings):
    public = storages["default"]
    old = public.save("documents/LP-HM46-sds.pdf", ContentFile(SDS))
    document = DocumentFactory(members_only=True)
    CustomDocument.objects.filter(pk=document.pk).update(file=old)

    call_command("move_private_files", stdout=open("/dev/null", "w"))
    document.refresh_from_db()
    assert not public.exists(old)
    assert document.file.name != old
    assert document.file.name.endswith("/LP-HM46-sds.pdf")
    assert document.file.read() == SDS
    moved = document.file.name
    call_command("move_private_files", stdout=open("/dev/null", "w"))
    document.refresh_from_db()
    assert document.file.name == moved  # idempotent


def test_sales_open_an_attachment_in_the_inbox_and_editors_cannot(settings):
    from django.contrib.auth.models import Group

    from tests.factories.members import StaffFactory

    request, _created = procurement_request_create(
        user=MemberFactory(),
        data={"title": "RFQ", "delivery_province": "上海市", "delivery_city": "上海市"},
        items=[{"description": "机油", "quantity": "1", "unit": "t"}],
    )
    attachment = procurement_attachment_add(
        request=request, upload=SimpleUploadedFile("spec.pdf", b"%PDF-1.7 spec")
    )
    sales, editor = Client(), Client()
    staff = StaffFactory()
    staff.groups.add(Group.objects.get(name="Sales"))
    sales.force_login(staff)
    page = sales.get(f"/admin/procurement_requests/edit/{request.pk}/")
    link = f"/admin/procurement_requests/attachment/{attachment.pk}/"
    assert page.status_code == 200 and link in page.content.decode()
    response = sales.get(link)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 spec"
    other = StaffFactory()
    other.groups.add(Group.objects.get(name="Editors"))
    editor.force_login(other)
    assert editor.get(link).status_code in (302, 403)
