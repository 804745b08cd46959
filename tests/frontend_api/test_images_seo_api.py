"""Images for ``<picture>``/``srcset`` (WebP, AVIF, widths, focal point), alt
text per language, absolute URLs in rich text."""

from __future__ import annotations

import pytest

from products.models import ProductDocument
from tests.factories import DocumentFactory, ImageFactory

pytestmark = pytest.mark.django_db


def test_a_product_image_comes_as_responsive_sources_in_modern_formats(
    api_client, catalogue
):
    image = catalogue.hm46.main_image
    image.focal_point_x, image.focal_point_y = 10, 12
    image.focal_point_width, image.focal_point_height = 8, 6
    image.save()

    body = api_client.get("/api/v1/products/lp-hm46/").json()

    picture = body["images"][0]
    assert [source["type"] for source in picture["sources"]] == [
        "image/avif",
        "image/webp",
        picture["sources"][2]["type"],
    ]
    assert picture["sources"][2]["type"] in {"image/png", "image/jpeg"}
    for source in picture["sources"]:
        widths = [c["width"] for c in source["candidates"]]
        assert widths == sorted(set(widths))  # each width once
        assert all(
            c["url"].startswith("http://testserver/") for c in source["candidates"]
        )
        assert source["srcset"] == ", ".join(
            f"{c['url']} {c['width']}w" for c in source["candidates"]
        )
    assert picture["sources"][0]["candidates"][0]["url"].endswith(".avif")
    assert picture["sources"][1]["candidates"][0]["url"].endswith(".webp")
    assert picture["focal_point"] == {"x": 10, "y": 12, "width": 8, "height": 6}
    assert picture["original_width"] == image.width


def test_alt_text_follows_the_language_with_the_source_as_fallback(
    api_client, catalogue
):
    image = catalogue.hm46.main_image
    image.alt_text_en = "200 litre drum"
    image.save()

    en = api_client.get("/api/v1/products/lp-hm46/", {"locale": "en"}).json()
    zh = api_client.get("/api/v1/products/lp-hm46/").json()
    en_list = api_client.get("/api/v1/products/", {"locale": "en"}).json()

    assert en["images"][0]["alt"] == "200 litre drum"
    assert en["images"][0]["medium"]["alt"] == "200 litre drum"
    assert en["thumbnail"]["alt"] == "200 litre drum"
    assert zh["images"][0]["alt"] == "200L 桶"
    card = next(c for c in en_list["results"] if c["sku"] == "LP-HM46")
    assert card["thumbnail"]["alt"] == "200 litre drum"
    image.alt_text_en = ""
    image.save()
    en = api_client.get("/api/v1/products/lp-hm46/", {"locale": "en"}).json()
    assert en["images"][0]["alt"] == "200L 桶"


def test_rich_text_and_documents_link_to_absolute_urls(api_client, catalogue):
    document = DocumentFactory(language="en")
    ProductDocument.objects.create(page=catalogue.hm46_en, document=document)
    catalogue.hm46_en.features = (
        f'<p><a linktype="document" id="{document.pk}">TDS</a></p>'
    )
    catalogue.hm46_en.save_revision().publish()

    body = api_client.get("/api/v1/products/lp-hm46/", {"locale": "en"}).json()

    url = f"http://testserver/api/v1/documents/{document.pk}/download/"
    assert body["features"] == f'<p><a href="{url}">TDS</a></p>'
    assert body["documents"][0]["download_url"] == url


def test_a_guide_body_image_has_sources_and_an_og_image_from_the_cover(
    api_client, catalogue
):
    cover = ImageFactory(alt_text="封面")
    guide = catalogue.guide
    guide.cover_image = cover
    guide.body = [("image", {"image": cover, "caption": "图"})]
    guide.save_revision().publish()

    body = api_client.get(f"/api/v1/guides/{guide.slug}/").json()

    image = body["body"][0]["value"]["image"]
    assert {s["type"] for s in image["sources"]} >= {"image/avif", "image/webp"}
    assert image["alt"] == "封面"
    assert "fill-1200x630" in body["og_image"]["url"]
    assert body["og_image"]["alt"] == "封面"
