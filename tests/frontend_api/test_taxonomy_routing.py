"""Category and brand frontend paths through ``pages/find/`` and
``pages/content/``: one call routes every path a frontend serves."""

from __future__ import annotations

import pytest
from django.conf import settings
from wagtail.contrib.redirects.models import Redirect

from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db

FIND = "/api/v1/pages/find/"
CONTENT = "/api/v1/pages/content/"
FRONTEND = settings.FRONTEND_URL.rstrip("/")


def test_find_names_a_category_path_with_its_alternates(
    api_client, catalogue, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        response = api_client.get(FIND, {"path": "/en/categories/engine-oil/diesel/"})

    assert response.status_code == 200
    body = response.json()
    assert body["type"] == "category"
    assert (body["title"], body["slug"], body["locale"]) == (
        "Diesel engine oil",
        "diesel",
        "en",
    )
    assert body["path"] == "/en/categories/engine-oil/diesel/"
    assert body["canonical_url"] == FRONTEND + "/en/categories/engine-oil/diesel/"
    assert body["alternates"] == [
        {"hreflang": "zh-hans", "path": "/zh-hans/categories/engine-oil/diesel/"}
    ]


def test_content_of_a_category_path_is_the_category_detail(api_client, catalogue):
    content = api_client.get(CONTENT, {"path": "/en/categories/engine-oil/diesel/"})
    detail = api_client.get("/api/v1/categories/engine-oil/diesel/", {"locale": "en"})

    assert content.status_code == 200
    body = content.json()
    assert body.pop("type") == "category"
    assert body == detail.json()
    assert body["parent"]["slug"] == "engine-oil"


def test_find_and_content_of_a_brand_path(api_client, catalogue):
    found = api_client.get(FIND, {"path": "/zh-hans/brands/lubpur/"}).json()
    content = api_client.get(CONTENT, {"path": "/en/brands/lubpur/"}).json()

    assert found["type"] == "brand"
    assert found["id"] == catalogue.brand.pk
    assert found["path"] == "/zh-hans/brands/lubpur/"
    assert found["alternates"] == [{"hreflang": "en", "path": "/en/brands/lubpur/"}]
    assert content["type"] == "brand"
    assert (content["name"], content["locale"]) == ("Lubpur", "en")
    assert content["canonical_url"] == FRONTEND + "/en/brands/lubpur/"


def test_unprefixed_taxonomy_paths_are_chinese(api_client, catalogue):
    body = api_client.get(FIND, {"path": "/brands/lubpur/"}).json()
    assert (body["type"], body["locale"]) == ("brand", "zh-hans")


def test_taxonomy_paths_only_in_chinese_are_not_translated_unknown_not_found(
    api_client, catalogue
):
    CategoryFactory(name="润滑脂", slug="grease")
    for endpoint in (FIND, CONTENT):
        category = api_client.get(endpoint, {"path": "/en/categories/grease/"})
        brand = api_client.get(endpoint, {"path": "/en/brands/shell/"})
        unknown = api_client.get(endpoint, {"path": "/en/brands/nothing/"})
        no_category = api_client.get(endpoint, {"path": "/en/categories/x/y/"})

        assert category.status_code == 404
        assert category.json()["code"] == "not_translated"
        assert category.json()["available_locales"] == ["zh-hans"]
        assert brand.status_code == 404
        assert brand.json()["code"] == "not_translated"
        assert brand.json()["translations"][0]["url"] == "/zh-hans/brands/shell/"
        assert unknown.status_code == 404 and unknown.json()["code"] == "not_found"
        assert no_category.json()["code"] == "not_found"


def test_an_editors_redirect_from_a_retired_brand_path_is_followed(
    api_client, catalogue
):
    Redirect.objects.create(
        old_path=Redirect.normalise_path("/en/brands/old-name/"),
        redirect_link="/en/brands/lubpur/",
    )
    body = api_client.get(FIND, {"path": "/en/brands/old-name/"}).json()
    assert body["type"] == "redirect"
    assert body["location"] == "/en/brands/lubpur/"


def test_a_category_renamed_after_a_cached_answer_is_seen(api_client, catalogue):
    path = {"path": "/en/categories/engine-oil/diesel/"}
    assert api_client.get(FIND, path).json()["title"] == "Diesel engine oil"

    catalogue.diesel_en.name = "Diesel oil"
    catalogue.diesel_en.save()

    assert api_client.get(FIND, path).json()["title"] == "Diesel oil"
