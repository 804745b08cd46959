"""``/api/v1/search/``, ``/api/v1/search/suggest/`` and the lists' ``q``."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from products.search.services import search_index_rebuild
from tests.factories import ProductPageFactory

pytestmark = pytest.mark.django_db

SEARCH = "/api/v1/search/"
SUGGEST = "/api/v1/search/suggest/"


def test_search_returns_mixed_results_with_snippets(api_client, shop):
    response = api_client.get(SEARCH, {"q": "液压油"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3 and body["previous"] is None
    first = body["results"][0]
    assert first == {
        "type": "product",
        "id": shop.hm46.pk,
        "title": "超润 抗磨液压油 L-HM 46",
        "slug": "lp-hm46",
        "sku": "LP-HM46",
        "url": "/zh-hans/products/lp-hm46/",
        "locale": "zh-hans",
        "brand": {"slug": "lubpur", "name": "超润"},
        "thumbnail": None,
        "is_favorite": False,
        "snippet": first["snippet"],
        "score": first["score"],
    }
    assert "<mark>液压油</mark>" in first["snippet"]
    assert {item["type"] for item in body["results"]} == {"product", "guide"}
    guide = next(item for item in body["results"] if item["type"] == "guide")
    assert guide["url"] == f"/zh-hans/guides/{shop.guide.slug}/" and guide["sku"] == ""


def test_type_and_locale_narrow_the_results(api_client, shop):
    guides = api_client.get(SEARCH, {"q": "液压油", "type": "guide"}).json()
    assert [item["id"] for item in guides["results"]] == [shop.guide.pk]
    english = api_client.get(SEARCH, {"q": "hydraulic oil", "locale": "en"}).json()
    assert english["results"][0]["url"] == "/en/products/lp-hm46/"
    accept = api_client.get(SEARCH, {"q": "5W-30"}, HTTP_ACCEPT_LANGUAGE="en")
    assert [item["id"] for item in accept.json()["results"]] == [shop.sp530_en.pk]


def test_results_are_paginated(api_client, shop):
    body = api_client.get(SEARCH, {"q": "液压油", "page_size": 1, "page": 2}).json()
    assert body["count"] == 3 and len(body["results"]) == 1
    assert body["next"] and body["previous"]


@pytest.mark.parametrize(
    ("params", "attr"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "   "}, "q"),
        ({"q": "油" * 201}, "q"),
        ({"q": "oil", "type": "brand"}, "type"),
        ({"q": "oil", "locale": "fr"}, "locale"),
    ],
)
def test_bad_queries_are_400_problems(api_client, shop, params, attr):
    response = api_client.get(SEARCH, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["attr"] == attr


def test_a_query_of_punctuation_finds_nothing(api_client, shop):
    body = api_client.get(SEARCH, {"q": "!!! ，。"}).json()
    assert body["count"] == 0 and body["results"] == []


@pytest.mark.parametrize("url", ["/api/v1/products/", "/api/v1/guides/"])
def test_a_list_q_of_punctuation_is_an_empty_list_not_an_error(api_client, shop, url):
    response = api_client.get(url, {"q": "?!\U000f356a"})
    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_suggest(api_client, shop):
    body = api_client.get(SUGGEST, {"q": "液压"}).json()
    assert body["q"] == "液压"
    titles = {item["text"]: item for item in body["suggestions"]}
    assert titles["超润 抗磨液压油 L-HM 46"] == {
        "text": "超润 抗磨液压油 L-HM 46",
        "type": "product",
        "id": shop.hm46.pk,
        "slug": "lp-hm46",
        "url": "/zh-hans/products/lp-hm46/",
    }
    english = api_client.get(SUGGEST, {"q": "lub", "locale": "en"}).json()
    assert english["suggestions"][0] == {
        "text": "Lubpur",
        "type": "brand",
        "id": None,
        "slug": "lubpur",
        "url": "/en/products/?brand=lubpur",
    }
    assert len(english["suggestions"]) <= 10
    assert api_client.get(SUGGEST, {"q": ""}).status_code == 400
    assert api_client.get(SUGGEST, {"q": "x" * 101}).status_code == 400


def test_products_list_q_uses_the_search_engine(api_client, shop):
    def skus(params):
        response = api_client.get("/api/v1/products/", params)
        assert response.status_code == 200
        return [item["sku"] for item in response.json()["results"]]

    assert skus({"q": "液压油"}) == ["LP-HM46", "CY-HV32"]
    assert skus({"q": "5W-30"}) == ["LP-SP-5W30"]
    assert skus({"q": "黄油"}) == ["LP-EP2"]
    assert skus({"q": "diesel engine oil", "locale": "en"}) == ["LP-CK4-1540"]
    assert skus({"q": "液压油", "ordering": "sku"}) == ["CY-HV32", "LP-HM46"]
    assert skus({"q": "液压油", "brand": "lubpur"}) == ["LP-HM46"]


def test_guides_list_q_uses_the_search_engine(api_client, shop):
    response = api_client.get("/api/v1/guides/", {"q": "L-HV"})
    assert [item["title"] for item in response.json()["results"]] == ["如何选择液压油"]


def _queries(api_client, url, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert api_client.get(url, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("url", "params"),
    [
        (SEARCH, {"q": "超润 液压油"}),
        (SEARCH, {"q": "黄油"}),
        ("/api/v1/products/", {"q": "液压油"}),
        (SUGGEST, {"q": "液压"}),
    ],
)
def test_query_count_stays_flat_as_the_catalogue_grows(api_client, shop, url, params):
    before = _queries(api_client, url, params)
    for number in range(25):
        ProductPageFactory(
            parent=shop.tree.products["zh-hans"],
            sku=f"LP-HM-{number}",
            title=f"超润 抗磨液压油 {number}",
            brand=shop.lubpur,
            categories=[shop.hydraulic],
            specification_codes=["DIN 51524-2 HLP"],
        )
    search_index_rebuild()
    assert _queries(api_client, url, params) == before
