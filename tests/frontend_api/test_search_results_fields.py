"""Search results carry slug, brand, thumbnail and ``is_favorite``; suggestions
carry slug and URL (issue 15.8)."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from members.activity.services import favorite_add
from products.search.services import search_index_rebuild
from tests.factories import (
    BrandFactory,
    GuidePageFactory,
    ImageFactory,
    ProductPageFactory,
)
from tests.factories.members import MemberFactory

pytestmark = pytest.mark.django_db

SEARCH = "/api/v1/search/"
SUGGEST = "/api/v1/search/suggest/"


@pytest.fixture(autouse=True)
def _fresh_throttles():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def shelf(tree):
    brand = BrandFactory(name="超润", slug="lubpur")
    products = [
        ProductPageFactory(
            parent=tree.products["zh-hans"],
            sku=f"LP-HM{grade}",
            title=f"超润 抗磨液压油 {grade}",
            brand=brand,
            viscosity_grade=f"ISO VG {grade}",
            main_image=ImageFactory(),
        )
        for grade in (32, 46, 68)
    ]
    guide = GuidePageFactory(
        parent=tree.guides["zh-hans"],
        title="液压油怎么选",
        cover_image=ImageFactory(),
    )
    search_index_rebuild()
    return products, guide


def test_results_carry_slug_brand_thumbnail_and_favorite(
    api_client, shelf, django_assert_max_num_queries
):
    products, guide = shelf
    member = MemberFactory()
    favorite_add(user=member, page_id=products[1].pk)
    favorite_add(user=member, page_id=guide.pk)
    api_client.get(SEARCH, {"q": "液压油"})  # the thumbnails' renditions made once
    api_client.force_login(member)
    with django_assert_max_num_queries(16):
        body = api_client.get(SEARCH, {"q": "液压油"}).json()
    results = {item["id"]: item for item in body["results"]}
    assert len(results) == 4
    hm46 = results[products[1].pk]
    assert hm46["slug"] == "lp-hm46" and hm46["locale"] == "zh-hans"
    assert hm46["brand"] == {"slug": "lubpur", "name": "超润"}
    assert hm46["thumbnail"]["id"] == products[1].main_image_id
    assert hm46["thumbnail"]["url"].startswith("http://testserver/")
    assert hm46["thumbnail"]["width"] > 0 and "alt" in hm46["thumbnail"]
    assert hm46["is_favorite"] is True
    assert results[products[0].pk]["is_favorite"] is False
    assert results[guide.pk]["is_favorite"] is True
    assert results[guide.pk]["brand"] is None
    assert results[guide.pk]["thumbnail"]["id"] == guide.cover_image_id


def test_queries_do_not_grow_with_the_page(
    api_client, shelf, django_assert_max_num_queries
):
    api_client.force_login(MemberFactory())
    api_client.get(SEARCH, {"q": "液压油"})  # renditions made once
    with django_assert_max_num_queries(16):
        one = api_client.get(SEARCH, {"q": "液压油", "page_size": 1})
    with django_assert_max_num_queries(16):
        every = api_client.get(SEARCH, {"q": "液压油", "page_size": 50})
    assert len(one.json()["results"]) == 1 and len(every.json()["results"]) == 4


def test_a_visitor_sees_no_favorites(api_client, shelf):
    member = MemberFactory()
    favorite_add(user=member, page_id=shelf[0][0].pk)
    body = api_client.get(SEARCH, {"q": "液压油"}).json()
    assert not any(item["is_favorite"] for item in body["results"])


def test_suggestions_carry_slug_and_url(api_client, shelf):
    body = api_client.get(SUGGEST, {"q": "超"}).json()
    brand = body["suggestions"][0]
    assert brand == {
        "text": "超润",
        "type": "brand",
        "id": None,
        "slug": "lubpur",
        "url": "/zh-hans/products/?brand=lubpur",
    }
    product = next(s for s in body["suggestions"] if s["type"] == "product")
    assert product["slug"].startswith("lp-hm")
    assert product["url"] == f"/zh-hans/products/{product['slug']}/"
    grade = api_client.get(SUGGEST, {"q": "ISO VG 4"}).json()["suggestions"][0]
    assert grade["type"] == "grade" and grade["slug"] == ""
    assert grade["url"] == "/zh-hans/products/?viscosity_grade=ISO+VG+46"


def test_suggestions_complete_pinyin(api_client, shelf):
    body = api_client.get(SUGGEST, {"q": "yeya"}).json()
    assert {s["text"] for s in body["suggestions"]} >= {"超润 抗磨液压油 46"}


def test_a_typo_in_a_search_is_forgiven(api_client, shelf, tree):
    # the index holds 抗磨液压油's pinyin: one letter swapped still finds it
    body = api_client.get(SEARCH, {"q": "kangmoyeyayuo", "type": "product"}).json()
    assert body["count"] == 3


def test_the_search_pages_through_its_results(api_client, shelf):
    # page and page_size are documented on the search, so the strict
    # query-parameter check accepts them (it once refused them as unknown).
    seen = []
    for number in (1, 2):
        response = api_client.get(
            SEARCH, {"q": "液压油", "page_size": 2, "page": number}
        )
        assert response.status_code == 200, response.content
        body = response.json()
        assert body["count"] == 4
        assert len(body["results"]) == 2
        seen += [(item["type"], item["id"]) for item in body["results"]]
    assert len(set(seen)) == 4
    assert api_client.get(SEARCH, {"q": "液压油", "page": 3}).status_code == 404
