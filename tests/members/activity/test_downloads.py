"""``/api/v1/documents/{id}/download/`` and ``/api/v1/me/downloads/``: members-only
documents and collection privacy are enforced; members' downloads are recorded."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from rest_framework.test import APIClient
from wagtail.models import Collection, CollectionViewRestriction

from cms.models import CustomDocument
from core.files import PrivateFileSystemStorage
from members.models import DownloadRecord
from tests.factories.members import MemberFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n% test TDS\n"


def document(title="LP-HM46 TDS", collection=None, **fields) -> CustomDocument:
    return CustomDocument.objects.create(
        title=title,
        file=ContentFile(PDF, name="lp-hm46-tds.pdf"),
        collection=collection or Collection.get_first_root_node(),
        **fields,
    )


def url(doc) -> str:
    return f"/api/v1/documents/{doc.pk}/download/"


@pytest.fixture
def visitor():
    """A second client: ``member_client`` signs in the shared ``api_client``."""
    return APIClient()


@pytest.fixture
def private_collection(db):
    """A collection restricted to signed-in users, with a child collection."""
    private = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    return private


def test_anyone_downloads_a_public_document_and_members_are_recorded(
    visitor, member_client
):
    doc = document()
    visitor = visitor.get(url(doc))
    assert visitor.status_code == 200
    assert b"".join(visitor.streaming_content) == PDF
    assert "attachment" in visitor["Content-Disposition"]
    assert not DownloadRecord.objects.exists()
    member_client.get(url(doc))
    listed = member_client.get("/api/v1/me/downloads/").json()
    assert [(r["document_id"], r["title"]) for r in listed["results"]] == [
        (doc.pk, "LP-HM46 TDS")
    ]
    assert listed["results"][0]["download_url"] == url(doc)


def test_a_members_only_document_is_401_for_visitors(visitor, member_client):
    doc = document(members_only=True)
    response = visitor.get(url(doc))
    assert response.status_code == 401
    assert response.json()["code"] == "members_only"
    assert member_client.get(url(doc)).status_code == 200


def test_wagtails_own_document_url_refuses_members_only_to_visitors(client):
    doc = document(members_only=True)
    assert client.get(doc.url).status_code == 401


def test_a_document_under_a_restricted_collection_is_not_served_to_visitors(
    visitor, member_client, private_collection
):
    nested = private_collection.add_child(name="Private TDS")
    doc = document(collection=nested)
    assert visitor.get(url(doc)).status_code == 401
    assert member_client.get(url(doc)).status_code == 200


def test_a_group_restriction_is_403_for_members_outside_the_group(member_client):
    sales = Group.objects.get(name="Sales")
    restricted = Collection.get_first_root_node().add_child(name="Sales only")
    restriction = CollectionViewRestriction.objects.create(
        collection=restricted, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(sales)
    doc = document(collection=restricted)
    response = member_client.get(url(doc))
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert not DownloadRecord.objects.exists()
    member_client.member.groups.add(sales)
    assert member_client.get(url(doc)).status_code == 200


def test_a_password_restriction_is_never_passed_through_the_api(member_client):
    locked = Collection.get_first_root_node().add_child(name="Locked")
    CollectionViewRestriction.objects.create(
        collection=locked,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="secret",
    )
    assert member_client.get(url(document(collection=locked))).status_code == 403


def test_an_unknown_document_or_missing_file_is_a_404(visitor):
    assert visitor.get("/api/v1/documents/999999/download/").status_code == 404
    doc = document()
    doc.file.storage.delete(doc.file.name)
    response = visitor.get(url(doc))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_a_remote_storage_is_answered_with_a_signed_redirect(visitor, monkeypatch):
    doc = document()
    asked = {}

    def no_path(self, name):
        raise NotImplementedError  # as S3 and other remote storages do

    def signed_url(self, name, parameters=None, expire=None):
        asked.update(parameters=parameters, expire=expire)
        return f"https://private.bucket.example/{name}?X-Amz-Signature=abc"

    monkeypatch.setattr(PrivateFileSystemStorage, "path", no_path)
    monkeypatch.setattr(PrivateFileSystemStorage, "url", signed_url)
    response = visitor.get(url(doc))
    assert response.status_code == 302
    assert response["Location"].startswith("https://private.bucket.example/documents/")
    assert "X-Amz-Signature" in response["Location"]
    assert asked["expire"] == 300
    assert asked["parameters"]["ResponseContentType"] == "application/pdf"
    assert "lp-hm46-tds.pdf" in asked["parameters"]["ResponseContentDisposition"]


def test_members_only_see_their_own_downloads(member_client):
    doc = document()
    MemberFactory()
    other = MemberFactory()
    DownloadRecord.objects.create(user=other, document=doc, document_title="x")
    assert member_client.get("/api/v1/me/downloads/").json()["count"] == 0


@pytest.mark.parametrize("count", [5, 50])
def test_the_list_takes_the_same_queries_for_5_or_50_downloads(
    member_client, count, django_assert_max_num_queries
):
    doc = document()
    DownloadRecord.objects.bulk_create(
        DownloadRecord(user=member_client.member, document=doc, document_title="t")
        for _ in range(count)
    )
    with django_assert_max_num_queries(2):
        response = member_client.get("/api/v1/me/downloads/?page_size=100")
    assert response.json()["count"] == count
