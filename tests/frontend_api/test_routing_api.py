"""Routing a frontend asks the API for: the editors' redirects, paths that
exist only in another language, the sitemap (JSON and XML)."""

from __future__ import annotations

import pytest
from django.conf import settings
from wagtail.contrib.redirects.models import Redirect

pytestmark = pytest.mark.django_db

FIND = "/api/v1/pages/find/"
CONTENT = "/api/v1/pages/content/"
FRONTEND = settings.FRONTEND_URL.rstrip("/")


def redirect(old: str, **target) -> Redirect:
    return Redirect.objects.create(old_path=Redirect.normalise_path(old), **target)


def test_find_answers_an_editors_redirect_with_its_target_and_permanence(
    api_client, catalogue
):
    redirect("/en/old-hydraulic-oil/", redirect_page=catalogue.hm46_en)
    redirect(
        "/zh-hans/catalogue.pdf",
        redirect_link="https://cdn.example.com/catalogue.pdf",
        is_permanent=False,
    )

    moved = api_client.get(FIND, {"path": "/en/old-hydraulic-oil/"})
    external = api_client.get(CONTENT, {"path": "catalogue.pdf"})  # unprefixed: zh

    assert moved.status_code == 200
    assert moved.json() == {
        "type": "redirect",
        "location": "/en/products/lp-hm46/",
        "url": FRONTEND + "/en/products/lp-hm46/",
        "permanent": True,
        "status": 301,
    }
    assert external.json() == {
        "type": "redirect",
        "location": "https://cdn.example.com/catalogue.pdf",
        "url": "https://cdn.example.com/catalogue.pdf",
        "permanent": False,
        "status": 302,
    }


def test_a_live_page_wins_over_a_redirect_from_its_path(api_client, catalogue):
    redirect("/en/products/lp-hm46/", redirect_link="https://example.com/")
    body = api_client.get(FIND, {"path": "/en/products/lp-hm46/"}).json()
    assert body["type"] == "products.ProductPage"


def test_a_path_only_in_chinese_is_not_translated_with_its_alternates(
    api_client, catalogue
):
    for endpoint in (FIND, CONTENT):
        response = api_client.get(endpoint, {"path": "/en/products/sh-gear/"})

        assert response.status_code == 404
        body = response.json()
        assert body["code"] == "not_translated"
        assert body["requested_locale"] == "en"
        assert body["available_locales"] == ["zh-hans"]
        assert body["translations"] == [
            {
                "locale": "zh-hans",
                "id": catalogue.gear.pk,
                "slug": "sh-gear",
                "url": "/zh-hans/products/sh-gear/",
            }
        ]


def test_a_translation_under_another_slug_answers_a_temporary_redirect(
    api_client, catalogue
):
    catalogue.guide_en.slug = "choosing-hydraulic-oil"
    catalogue.guide_en.save_revision().publish()

    body = api_client.get(FIND, {"path": f"/en/guides/{catalogue.guide.slug}/"}).json()

    assert body["type"] == "redirect"
    assert body["location"] == "/en/guides/choosing-hydraulic-oil/"
    assert body["permanent"] is False and body["status"] == 302


def test_the_sitemap_lists_every_live_page_per_language_with_alternates(
    api_client, catalogue, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):
        response = api_client.get("/api/v1/sitemap/")

    assert response.status_code == 200
    entries = {entry["path"]: entry for entry in response.json()["results"]}
    assert response.json()["count"] == len(entries)
    hm46 = entries["/en/products/lp-hm46/"]
    assert hm46["type"] == "products.ProductPage" and hm46["locale"] == "en"
    assert hm46["url"] == FRONTEND + "/en/products/lp-hm46/"
    assert hm46["last_modified"] is not None
    assert [(a["hreflang"], a["path"]) for a in hm46["alternates"]] == [
        ("en", "/en/products/lp-hm46/"),
        ("zh-hans", "/zh-hans/products/lp-hm46/"),
        ("x-default", "/zh-hans/products/lp-hm46/"),
    ]
    gear = entries["/zh-hans/products/sh-gear/"]
    assert [a["hreflang"] for a in gear["alternates"]] == ["zh-hans", "x-default"]
    assert "/en/products/sh-gear/" not in entries
    for path in ("/zh-hans/", "/en/", "/en/guides/", "/en/brands/lubpur/"):
        assert path in entries, path
    assert entries["/en/categories/engine-oil/diesel/"]["type"] == (
        "products.ProductCategory"
    )

    english = api_client.get("/api/v1/sitemap/", {"locale": "en"}).json()
    assert {entry["locale"] for entry in english["results"]} == {"en"}
    assert api_client.get("/api/v1/sitemap/", {"locale": "fr"}).status_code == 400


def test_an_unpublished_page_leaves_the_sitemap(api_client, catalogue):
    catalogue.ck4_en.unpublish()
    paths = [e["path"] for e in api_client.get("/api/v1/sitemap/").json()["results"]]
    assert "/en/products/lp-ck4-1540/" not in paths
    assert "/zh-hans/products/lp-ck4-1540/" in paths


def test_sitemap_xml_is_a_urlset_with_hreflang_links(api_client, catalogue):
    response = api_client.get("/api/v1/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    xml = response.content.decode()
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert f"<loc>{FRONTEND}/en/products/lp-hm46/</loc>" in xml
    assert (
        '<xhtml:link rel="alternate" hreflang="zh-hans" '
        f'href="{FRONTEND}/zh-hans/products/lp-hm46/"/>'
    ) in xml
    assert "<lastmod>" in xml


@pytest.fixture
def cache_on(settings):
    from django.core.cache import cache

    settings.API_CACHE = {**settings.API_CACHE, "ENABLED": True}
    cache.clear()
    yield
    cache.clear()


def test_a_new_redirect_and_a_new_page_reach_cached_answers(
    api_client, catalogue, cache_on
):
    from tests.factories import ProductPageFactory

    api_client.get(FIND, {"path": "/en/gone/"})  # a 404: never stored
    sitemap = api_client.get("/api/v1/sitemap/")
    assert sitemap["X-Cache"] == "miss"
    assert api_client.get("/api/v1/sitemap/")["X-Cache"] == "hit"

    redirect("/en/gone/", redirect_page=catalogue.hm46_en, is_permanent=False)
    new = ProductPageFactory(parent=catalogue.tree.products["zh-hans"], sku="LP-NEW")
    new.save_revision().publish()

    assert api_client.get(FIND, {"path": "/en/gone/"}).json()["status"] == 302
    paths = [e["path"] for e in api_client.get("/api/v1/sitemap/").json()["results"]]
    assert "/zh-hans/products/lp-new/" in paths
    # A changed redirect invalidates the stored redirect answer.
    moved = Redirect.objects.get(old_path="/en/gone")
    moved.is_permanent = True
    moved.save()
    assert api_client.get(FIND, {"path": "/en/gone/"}).json()["status"] == 301
