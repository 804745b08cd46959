"""``/api/v1/pages/content/?path=``: every page's whole content, typed by page
type, with the SEO fields every page carries (canonical URL, OG image,
breadcrumbs)."""

from __future__ import annotations

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

CONTENT = "/api/v1/pages/content/"


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_the_home_serves_its_hero_and_intro_with_links_for_the_frontend(
    api_client, catalogue
):
    home = catalogue.tree.homes["en"]
    publish(
        home,
        hero_title="Lubricants that last",
        intro=f'<p>See <a linktype="page" id="{catalogue.hm46.pk}">L-HM 46</a>.</p>',
    )

    response = api_client.get(CONTENT, {"path": "/en/"})

    assert response.status_code == 200
    body = response.json()
    assert body["type"] == "cms.HomePage"
    assert body["hero_title"] == "Lubricants that last"
    # The Chinese product linked from the English home: its English version.
    assert body["intro"] == '<p>See <a href="/en/products/lp-hm46/">L-HM 46</a>.</p>'
    assert body["locale"] == "en" and body["path"] == "/en/"
    assert body["canonical_url"] == settings.FRONTEND_URL.rstrip("/") + "/en/"
    assert body["alternates"] == [{"hreflang": "zh-hans", "path": "/zh-hans/"}]
    assert [crumb["path"] for crumb in body["breadcrumbs"]] == ["/en/"]
    assert body["og_image"] is None


def test_a_home_without_hero_title_shows_its_title(api_client, tree):
    publish(tree.homes["zh-hans"], hero_title="", intro="")
    body = api_client.get(CONTENT, {"path": "/zh-hans/"}).json()
    assert body["hero_title"] == tree.homes["zh-hans"].title
    assert body["intro"] == ""


def test_sections_serve_their_intro_and_breadcrumbs(api_client, catalogue):
    publish(catalogue.tree.guides["en"], intro="<p>How to <b>choose</b>.</p>")

    body = api_client.get(CONTENT, {"path": "/en/guides/"}).json()

    assert body["type"] == "products.GuideIndexPage"
    assert body["intro"] == "<p>How to <b>choose</b>.</p>"
    assert [(c["title"], c["path"]) for c in body["breadcrumbs"]] == [
        (catalogue.tree.homes["en"].title, "/en/"),
        ("Guides", "/en/guides/"),
    ]
    products = api_client.get(CONTENT, {"path": "/zh-hans/products/"}).json()
    assert products["type"] == "products.ProductIndexPage"
    assert products["alternates"] == [{"hreflang": "en", "path": "/en/products/"}]


def test_a_product_path_serves_the_product_detail(api_client, catalogue):
    body = api_client.get(CONTENT, {"path": "/en/products/lp-hm46/"}).json()
    detail = api_client.get("/api/v1/products/lp-hm46/", {"locale": "en"}).json()

    assert body == detail
    assert body["type"] == "products.ProductPage"
    assert [crumb["path"] for crumb in body["breadcrumbs"]] == [
        "/en/",
        "/en/products/",
        "/en/products/lp-hm46/",
    ]
    assert body["og_image"]["url"].startswith("http://testserver/")
    assert "fill-1200x630" in body["og_image"]["url"]
    # 1200×630, or that shape when the original is smaller (never upscaled).
    ratio = body["og_image"]["width"] / body["og_image"]["height"]
    assert abs(ratio - 1200 / 630) < 0.1  # a 100-pixel test image rounds


def test_a_guide_path_serves_the_guide_detail(api_client, catalogue):
    path = f"/en/guides/{catalogue.guide_en.slug}/"
    body = api_client.get(CONTENT, {"path": path}).json()

    assert body["type"] == "products.GuidePage"
    assert body["title"] == "Choosing hydraulic oil"
    assert body["breadcrumbs"][-1] == {
        "id": catalogue.guide_en.pk,
        "title": "Choosing hydraulic oil",
        "path": path,
    }
    assert body["canonical_url"].endswith(path)


def test_unknown_paths_are_404_problems_and_a_missing_path_a_400(api_client, tree):
    response = api_client.get(CONTENT, {"path": "/en/nothing/"})
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    response = api_client.get(CONTENT)
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "path"
    long = api_client.get(CONTENT, {"path": "/" + "a" * 3000})
    assert long.status_code == 400
