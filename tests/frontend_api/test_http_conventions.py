"""HTTP conventions a frontend relies on: weak validators, CORS-readable headers,
search and suggestions with validators, problems wholly in the request's
language, and strict query parameters (``page_size``, unknown names)."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from frontend_api.query_params import documented_query_parameters
from tests.factories.members import MemberFactory

pytestmark = pytest.mark.django_db
PRODUCTS = "/api/v1/products/"
ALLOWED = "https://www.example.com"  # config.settings.test


@pytest.fixture
def cache_on(settings):
    settings.API_CACHE = {**settings.API_CACHE, "ENABLED": True}
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("cached", [False, True], ids=["view", "cache"])
def test_a_weak_or_listed_validator_gets_304(api_client, catalogue, settings, cached):
    settings.API_CACHE = {**settings.API_CACHE, "ENABLED": cached}
    cache.clear()
    etag = api_client.get(PRODUCTS)["ETag"]
    assert etag.startswith('"')
    for header in (f"W/{etag}", f'"other", W/{etag}', etag, "*"):
        response = api_client.get(PRODUCTS, HTTP_IF_NONE_MATCH=header)
        assert response.status_code == 304, header
        assert response["ETag"] == etag
    other = api_client.get(PRODUCTS, HTTP_IF_NONE_MATCH='W/"other"')
    assert other.status_code == 200


def test_cors_exposes_validators_and_waits(client, catalogue):
    response = client.get(PRODUCTS, HTTP_ORIGIN=ALLOWED)
    exposed = {
        name.strip().lower()
        for name in response["Access-Control-Expose-Headers"].split(",")
    }
    assert {"etag", "retry-after", "link", "cache-control", "x-cache"} <= exposed


@pytest.mark.parametrize(
    "url", ["/api/v1/search/?q=液压油", "/api/v1/search/suggest/?q=液压"]
)
def test_search_and_suggestions_carry_validators(api_client, catalogue, url):
    first = api_client.get(url)
    assert first.status_code == 200
    assert first["ETag"].startswith('"')
    assert first["Cache-Control"].startswith("public")
    assert "Accept-Language" in first["Vary"]
    again = api_client.get(url, HTTP_IF_NONE_MATCH=f"W/{first['ETag']}")
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]


def test_a_members_search_is_private(api_client, catalogue):
    api_client.force_authenticate(MemberFactory())
    response = api_client.get("/api/v1/search/", {"q": "液压油"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-cache"


@pytest.mark.parametrize(
    ("params", "headers", "title"),
    [
        ({"locale": "zh-hans"}, {"HTTP_ACCEPT_LANGUAGE": "en"}, "未找到"),
        ({"locale": "en"}, {"HTTP_ACCEPT_LANGUAGE": "zh-CN"}, "Not found"),
        ({}, {"HTTP_ACCEPT_LANGUAGE": "en"}, "Not found"),
        ({}, {}, "未找到"),
    ],
)
def test_a_problem_is_wholly_in_the_requested_language(
    api_client, catalogue, params, headers, title
):
    response = api_client.get(f"{PRODUCTS}no-such-product/", params, **headers)
    assert response.status_code == 404
    problem = response.json()
    assert problem["title"] == title
    chinese = title == "未找到"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in problem["detail"]) is chinese
    assert response["Content-Language"] == ("zh-hans" if chinese else "en")


@pytest.mark.parametrize("value", ["0", "-1", "abc", "101", "2.5", ""])
@pytest.mark.parametrize(
    ("url", "params"),
    [
        (PRODUCTS, {}),
        ("/api/v1/guides/", {}),
        ("/api/v1/search/", {"q": "油"}),
        ("/api/v1/brands/", {}),
    ],
)
def test_an_invalid_page_size_is_a_400_problem(
    api_client, catalogue, url, params, value
):
    # (the test client's ``data`` replaces a query string written in the URL)
    response = api_client.get(url, {**params, "page_size": value})
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert [(error["attr"], error["code"]) for error in errors] == [
        ("page_size", "invalid_page_size")
    ]


@pytest.mark.parametrize(
    "url",
    [
        PRODUCTS,
        f"{PRODUCTS}lp-hm46/",
        "/api/v1/guides/",
        "/api/v1/categories/",
        "/api/v1/categories/engine-oil/diesel/",  # a path of several segments
        "/api/v1/site/",
        "/api/v1/search/?q=oil",
        "/api/v1/policies/",
    ],
)
def test_an_unknown_query_parameter_is_a_400_problem(api_client, catalogue, url):
    joiner = "&" if "?" in url else "?"
    response = api_client.get(f"{url}{joiner}categroy=hydraulic&locale=en")
    assert response.status_code == 400, response.content
    problem = response.json()
    assert problem["code"] == "unknown_parameter"
    assert problem["title"] == "Invalid input"
    assert [error["attr"] for error in problem["errors"]] == ["categroy"]


def test_an_unknown_parameter_on_a_member_list_is_a_400_too(api_client, tree):
    api_client.force_authenticate(MemberFactory())
    response = api_client.get("/api/v1/me/favorites/", {"sort": "x"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "sort"


def test_every_documented_parameter_keeps_working(api_client, catalogue):
    params = {
        "locale": "en",
        "page": "1",
        "page_size": "5",
        "ordering": "title",
        "brand": "lubpur",
        "category": "hydraulic",
        "viscosity_grade": "ISO VG 46",
        "base_oil": "mineral",
        "specification": "Denison HF-0",
        "q": "hydraulic",
    }
    response = api_client.get(PRODUCTS, params)
    assert response.status_code == 200, response.content
    assert [item["slug"] for item in response.json()["results"]] == ["lp-hm46"]
    guides = api_client.get("/api/v1/guides/", {"product": "lp-hm46", "tag": "x"})
    assert guides.status_code == 200, guides.content


def test_the_allowed_parameters_come_from_the_filtersets():
    from frontend_api.content.filters import ProductFilter

    allowed = documented_query_parameters()["/api/v1/products/"]
    assert set(ProductFilter.base_filters) <= allowed
    assert {"page", "page_size"} <= allowed


def test_every_paginated_operation_documents_its_page_parameters():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    components = schema["components"]["schemas"]
    documented = documented_query_parameters()
    paginated = []
    for path, item in schema["paths"].items():
        operation = item.get("get")
        if operation is None:
            continue
        content = operation["responses"].get("200", {}).get("content", {})
        ref = content.get("application/json", {}).get("schema", {}).get("$ref", "")
        properties = components.get(ref.rsplit("/", 1)[-1], {}).get("properties", {})
        if {"count", "next", "results"} <= set(properties):
            paginated.append(path)
            assert {"page", "page_size"} <= documented[path], path
    assert "/api/v1/search/" in paginated
    assert "/api/v1/products/" in paginated
