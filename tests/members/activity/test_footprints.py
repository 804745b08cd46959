"""``/api/v1/me/footprints/``: one row per member and page, written by a single
upsert that never breaks the read that caused it."""

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from members.activity import selectors as activity_selectors
from members.activity import services as activity
from members.activity.models import FOOTPRINTS_KEPT
from members.activity.services import footprint_record, footprints_prune
from members.models import Footprint
from tests.factories.members import MemberFactory
from tests.factories.pages import guide_page, product_page

pytestmark = pytest.mark.django_db
URL = "/api/v1/me/footprints/"


@pytest.fixture
def product(tree):
    return product_page(tree, "LP-HM46", title="超润抗磨液压油")


def writes(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}
    ]


def test_viewing_a_page_twice_keeps_one_row_with_a_count(member_client, product):
    member = member_client.member
    footprint_record(user=member, page=product)
    first = Footprint.objects.get(user=member)
    footprint_record(user=member, page=product)
    again = Footprint.objects.get(user=member)
    assert again.view_count == 2 and again.last_viewed_at >= first.last_viewed_at
    item = member_client.get(URL).json()["results"][0]
    assert item["view_count"] == 2 and item["item"]["title"] == "超润抗磨液压油"
    assert item["type"] == "product"


def test_recording_is_one_write_statement(member_client, product):
    footprint_record(user=member_client.member, page=product)
    with CaptureQueriesContext(connection) as captured:
        footprint_record(user=member_client.member, page=product)
    assert len(writes(captured.captured_queries)) == 1


def test_a_failing_write_is_logged_and_the_read_goes_on(
    member_client, product, monkeypatch, caplog
):
    def broken(**kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(activity, "_footprint_upsert", broken)
    footprint_record(user=member_client.member, page=product)  # no exception
    assert "Could not record a footprint" in caplog.text
    assert member_client.get(URL).status_code == 200


def test_visitors_and_other_pages_leave_no_footprint(tree, product):
    from django.contrib.auth.models import AnonymousUser

    footprint_record(user=AnonymousUser(), page=product)
    footprint_record(user=MemberFactory(), page=tree.homes["zh-hans"])
    assert not Footprint.objects.exists()


def test_the_list_is_newest_first_and_entries_can_be_deleted_or_cleared(
    member_client, product, tree
):
    guide = guide_page(tree, "choosing-oil")
    footprint_record(user=member_client.member, page=product)
    footprint_record(user=member_client.member, page=guide)
    listed = member_client.get(URL).json()["results"]
    assert [r["item"]["id"] for r in listed] == [guide.pk, product.pk]
    assert member_client.delete(f"{URL}{listed[0]['id']}/").status_code == 204
    assert member_client.get(URL).json()["count"] == 1
    assert member_client.delete(URL).status_code == 204
    assert member_client.get(URL).json()["count"] == 0


def test_another_members_footprint_cannot_be_deleted(member_client, product):
    other = MemberFactory()
    footprint_record(user=other, page=product)
    theirs = Footprint.objects.get(user=other)
    response = member_client.delete(f"{URL}{theirs.pk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    member_client.delete(URL)
    assert Footprint.objects.filter(user=other).exists()
    assert member_client.get(URL).json()["count"] == 0


def test_only_the_newest_are_listed_and_kept(member_client, tree, monkeypatch):
    # The limit is 200; 20 proves the same rule without building 205 pages.
    assert FOOTPRINTS_KEPT == 200
    monkeypatch.setattr(activity, "FOOTPRINTS_KEPT", 20)
    monkeypatch.setattr(activity_selectors, "FOOTPRINTS_KEPT", 20)
    member = member_client.member
    pages = [product_page(tree, f"LP-{i}") for i in range(25)]
    now = timezone.now()
    Footprint.objects.bulk_create(
        Footprint(
            user=member,
            page=page,
            kind="product",
            last_viewed_at=now - timezone.timedelta(minutes=i),
        )
        for i, page in enumerate(pages)
    )
    assert member_client.get(URL + "?page_size=100").json()["count"] == 20
    assert footprints_prune(user=member) == 5
    kept = set(Footprint.objects.filter(user=member).values_list("page_id", flat=True))
    assert kept == {page.pk for page in pages[:20]}


def test_recording_prunes_on_a_fraction_of_new_rows(
    member_client, product, monkeypatch
):
    calls = []
    monkeypatch.setattr(activity, "FOOTPRINT_PRUNE_EVERY", 1)
    monkeypatch.setattr(activity, "footprints_prune", lambda **kw: calls.append(kw))
    footprint_record(user=member_client.member, page=product)
    footprint_record(user=member_client.member, page=product)  # not a new row
    assert len(calls) == 1


@pytest.mark.parametrize("count", [5, 50])
def test_the_list_takes_the_same_queries_for_5_or_50_footprints(
    member_client, tree, count, django_assert_max_num_queries
):
    for i in range(count):
        page = product_page(tree, f"LP-{i}") if i % 2 else guide_page(tree, f"g-{i}")
        footprint_record(user=member_client.member, page=page)
    with django_assert_max_num_queries(8):
        response = member_client.get(URL + "?page_size=100")
    assert response.json()["count"] == count
