"""Each category's and brand's page: ``/api/v1/categories/<slug path>/`` and
``/api/v1/brands/<slug>/``, with their frontend URLs (on the lists too)."""

from __future__ import annotations

import pytest
from django.conf import settings

from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db

FRONTEND = settings.FRONTEND_URL.rstrip("/")


def test_a_category_in_english_with_its_place_in_the_tree(
    api_client, catalogue, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):
        response = api_client.get(
            "/api/v1/categories/engine-oil/diesel/", {"locale": "en"}
        )

    assert response.status_code == 200
    body = response.json()
    assert (body["name"], body["locale"]) == ("Diesel engine oil", "en")
    assert body["url"] == "/en/categories/engine-oil/diesel/"
    assert body["canonical_url"] == FRONTEND + "/en/categories/engine-oil/diesel/"
    assert body["parent"] == {
        "id": catalogue.engine_en.pk,
        "slug": "engine-oil",
        "name": "Engine oil",
        "path": "engine-oil",
        "url": "/en/categories/engine-oil/",
    }
    assert [crumb["name"] for crumb in body["breadcrumbs"]] == [
        "Engine oil",
        "Diesel engine oil",
    ]
    assert body["children"] == []
    assert [(t["locale"], t["url"]) for t in body["translations"]] == [
        ("zh-hans", "/zh-hans/categories/engine-oil/diesel/")
    ]
    top = api_client.get("/api/v1/categories/engine-oil/", {"locale": "en"}).json()
    assert top["parent"] is None
    assert [child["slug"] for child in top["children"]] == ["diesel"]


def test_a_category_only_in_chinese_is_not_translated_and_unknown_not_found(
    api_client, catalogue
):
    CategoryFactory(name="润滑脂", slug="grease")

    untranslated = api_client.get("/api/v1/categories/grease/", {"locale": "en"})
    unknown = api_client.get("/api/v1/categories/nothing/", {"locale": "en"})

    assert untranslated.status_code == 404
    assert untranslated.json()["code"] == "not_translated"
    assert untranslated.json()["available_locales"] == ["zh-hans"]
    assert unknown.status_code == 404
    assert unknown.json()["code"] == "not_found"


def test_the_category_tree_gives_each_node_its_frontend_url(api_client, catalogue):
    tree = api_client.get("/api/v1/categories/", {"locale": "en"}).json()
    engine = next(node for node in tree if node["slug"] == "engine-oil")
    assert engine["url"] == "/en/categories/engine-oil/"
    assert engine["children"][0]["url"] == "/en/categories/engine-oil/diesel/"


def test_a_brand_with_its_frontend_url_and_translations(api_client, catalogue):
    response = api_client.get("/api/v1/brands/lubpur/", {"locale": "en"})

    assert response.status_code == 200
    body = response.json()
    assert (body["name"], body["locale"]) == ("Lubpur", "en")
    assert body["url"] == "/en/brands/lubpur/"
    assert body["canonical_url"] == FRONTEND + "/en/brands/lubpur/"
    assert body["translations"] == [
        {
            "locale": "zh-hans",
            "id": catalogue.brand.pk,
            "slug": "lubpur",
            "url": "/zh-hans/brands/lubpur/",
        }
    ]


def test_a_brand_only_in_chinese_is_not_translated_and_unknown_not_found(
    api_client, catalogue
):
    untranslated = api_client.get("/api/v1/brands/shell/", {"locale": "en"})
    unknown = api_client.get("/api/v1/brands/nothing/")
    bad_locale = api_client.get("/api/v1/brands/shell/", {"locale": "xx"})

    assert untranslated.status_code == 404
    assert untranslated.json()["code"] == "not_translated"
    assert untranslated.json()["translations"][0]["url"] == "/zh-hans/brands/shell/"
    assert unknown.status_code == 404 and unknown.json()["code"] == "not_found"
    assert bad_locale.status_code == 400
