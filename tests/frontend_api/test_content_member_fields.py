"""What product and guide reads add for a signed-in member: ``is_favorite`` on every
card and detail (one query for a whole list), and a footprint per detail fetch."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext

from members.activity import services as activity
from members.activity.services import favorite_add
from members.models import Footprint
from tests.factories import ProductPageFactory
from tests.factories.members import MemberFactory

pytestmark = pytest.mark.django_db

PRODUCTS = "/api/v1/products/"
GUIDES = "/api/v1/guides/"


@pytest.fixture
def member(api_client):
    member = MemberFactory()
    api_client.force_login(member)
    return member


def flags(response) -> dict[str, bool]:
    assert response.status_code == 200, response.content
    return {item["slug"]: item["is_favorite"] for item in response.json()["results"]}


def test_list_items_say_which_products_the_member_saved(api_client, catalogue, member):
    favorite_add(user=member, page_id=catalogue.hm46.pk)
    assert flags(api_client.get(PRODUCTS)) == {
        "lp-hm46": True,
        "lp-ck4-1540": False,
        "sh-gear": False,
    }
    # saved in Chinese, shown as saved in English too
    assert flags(api_client.get(PRODUCTS, {"locale": "en"}))["lp-hm46"] is True


def test_details_say_whether_the_product_and_its_guides_are_saved(
    api_client, catalogue, member
):
    favorite_add(user=member, page_id=catalogue.guide.pk)
    detail = api_client.get(f"{PRODUCTS}lp-hm46/").json()
    assert detail["is_favorite"] is False
    assert [guide["is_favorite"] for guide in detail["related_guides"]] == [True]
    guide = api_client.get(f"{GUIDES}{catalogue.guide.slug}/").json()
    assert guide["is_favorite"] is True
    assert [p["is_favorite"] for p in guide["related_products"]] == [False]
    assert flags(api_client.get(GUIDES)) == {catalogue.guide.slug: True}


def test_visitors_always_see_false(api_client, catalogue):
    favorite_add(user=MemberFactory(), page_id=catalogue.hm46.pk)
    assert not any(flags(api_client.get(PRODUCTS)).values())
    assert api_client.get(f"{PRODUCTS}lp-hm46/").json()["is_favorite"] is False


def test_the_members_list_takes_the_same_queries_however_many_items(
    api_client, catalogue, member
):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert api_client.get(PRODUCTS, {"page_size": 100}).status_code == 200
        return len(queries)

    favorite_add(user=member, page_id=catalogue.hm46.pk)
    count()  # renditions are generated on the first read
    few = count()
    for _ in range(6):
        product = ProductPageFactory(parent=catalogue.tree.products["zh-hans"])
        favorite_add(user=member, page_id=product.pk)
    assert count() == few


def test_a_detail_fetch_leaves_a_footprint(api_client, catalogue, member):
    assert api_client.get(f"{PRODUCTS}lp-hm46/").status_code == 200
    assert api_client.get(f"{GUIDES}{catalogue.guide.slug}/").status_code == 200
    footprints = api_client.get("/api/v1/me/footprints/").json()["results"]
    assert [item["item"]["id"] for item in footprints] == [
        catalogue.guide.pk,
        catalogue.hm46.pk,
    ]


def test_a_failing_footprint_does_not_fail_the_read(
    api_client, catalogue, member, monkeypatch
):
    def broken(**kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(activity, "_footprint_upsert", broken)
    response = api_client.get(f"{PRODUCTS}lp-hm46/")
    assert response.status_code == 200
    assert response.json()["sku"] == "LP-HM46"


def test_a_visitor_leaves_no_footprint(api_client, catalogue):
    with CaptureQueriesContext(connection) as queries:
        assert api_client.get(f"{PRODUCTS}lp-hm46/").status_code == 200
    table = Footprint._meta.db_table
    assert not [q for q in queries if table in q["sql"]]
    assert not Footprint.objects.exists()
