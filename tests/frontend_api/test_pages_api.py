"""``/api/v1/pages/find/`` and the navigation of ``/api/v1/site/``."""

from __future__ import annotations

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

FIND = "/api/v1/pages/find/"


def test_find_resolves_a_prefixed_path_with_its_alternates(api_client, catalogue):
    response = api_client.get(FIND, {"path": "/en/products/lp-hm46/"})
    assert response.status_code == 200
    assert response.json() == {
        "id": catalogue.hm46_en.pk,
        "type": "products.ProductPage",
        "title": "Anti-wear hydraulic oil L-HM 46",
        "slug": "lp-hm46",
        "locale": "en",
        "path": "/en/products/lp-hm46/",
        "seo_title": "",
        "search_description": "",
        "alternates": [{"hreflang": "zh-hans", "path": "/zh-hans/products/lp-hm46/"}],
        "canonical_url": settings.FRONTEND_URL.rstrip("/") + "/en/products/lp-hm46/",
    }


def test_find_takes_an_unprefixed_path_as_chinese(api_client, catalogue):
    body = api_client.get(FIND, {"path": "products/lp-hm46"}).json()
    assert body["id"] == catalogue.hm46.pk and body["locale"] == "zh-hans"


def test_find_resolves_homes_and_sections(api_client, catalogue):
    home = api_client.get(FIND, {"path": "/en/"}).json()
    assert home["type"] == "cms.HomePage" and home["path"] == "/en/"
    assert home["alternates"] == [{"hreflang": "zh-hans", "path": "/zh-hans/"}]
    section = api_client.get(FIND, {"path": "/zh-hans/guides/"}).json()
    assert section["type"] == "products.GuideIndexPage"


def test_find_unknown_or_untranslated_path_is_a_404_problem(api_client, catalogue):
    for path in ["/en/products/sh-gear/", "/en/nothing/", "/fr/products/"]:
        response = api_client.get(FIND, {"path": path})
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/problem+json"


def test_find_without_a_path_is_a_400_naming_it(api_client, db):
    response = api_client.get(FIND)
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "path"


def test_site_navigation_lists_the_home_menu_pages_in_the_locale(api_client, catalogue):
    nav = api_client.get("/api/v1/site/", {"locale": "en"}).json()["navigation"]
    assert [(item["title"], item["url"], item["type"]) for item in nav] == [
        ("Products", "/en/products/", "products.ProductIndexPage"),
        ("Guides", "/en/guides/", "products.GuideIndexPage"),
    ]
    zh = api_client.get("/api/v1/site/").json()["navigation"]
    assert [item["url"] for item in zh] == ["/zh-hans/products/", "/zh-hans/guides/"]
