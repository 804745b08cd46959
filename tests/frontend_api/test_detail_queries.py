"""Product and guide details read a fixed number of queries, whatever the
number of categories, specifications, images, documents and related pages."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from products.models import ProductDocument, ProductImage, ProductSpecification
from tests.factories import CategoryFactory, DocumentFactory, ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_cached_renditions():
    """Wagtail caches renditions by image id; an earlier test's rolled-back image
    may have had the same id (SQLite reuses them after a rollback), so a stale
    entry would make the warm-up request skip creating the rendition rows."""
    cache.clear()


# Locale; product (brand joined, named in the locale); one UNION of its
# categories (and their local names), specifications, gallery, documents and
# its guides' tags; the guides; every image with its renditions; translations
# with breadcrumbs and the features' links. (19, then 10 before; the list
# reads 7.)
PRODUCT_DETAIL_QUERIES = 6
# Locale; guide; one UNION of its tags, related products' keys and the keys of
# the pages its body points at; the product cards; their categories; every
# image (cover, body, thumbnails) with its renditions; translations with
# breadcrumbs and the body's links. (15, then 12 before — more with a body.)
GUIDE_DETAIL_QUERIES = 7


def enrich(product, n: int) -> None:
    for i in range(n):
        ProductImage.objects.create(page=product, image=ImageFactory(), caption=f"{i}")
        ProductDocument.objects.create(page=product, document=DocumentFactory())
        ProductSpecification.objects.create(page=product, code=f"SPEC {i}")
        product.category_links.create(category=CategoryFactory(slug=f"c{n}-{i}"))
    product.save_revision().publish()


@pytest.mark.parametrize("n", [1, 4])
def test_product_detail_queries_do_not_grow(
    api_client, catalogue, django_assert_max_num_queries, n
):
    enrich(catalogue.hm46, n)
    url = "/api/v1/products/lp-hm46/"
    api_client.get(url)  # renditions are made on the first read

    with django_assert_max_num_queries(PRODUCT_DETAIL_QUERIES):
        body = api_client.get(url).json()

    assert len(body["images"]) == n + 1
    assert len(body["documents"]) == n
    assert len(body["specifications"]) == n + 2
    assert len(body["categories"]) == n + 1
    assert len(body["related_guides"]) == 1


@pytest.mark.parametrize("n", [1, 3])
def test_guide_detail_queries_do_not_grow(
    api_client, catalogue, django_assert_max_num_queries, n
):
    guide = catalogue.guide
    guide.cover_image = ImageFactory()
    for i in range(n):
        guide.product_links.create(product=catalogue.ck4 if i % 2 else catalogue.gear)
    guide.save_revision().publish()
    url = f"/api/v1/guides/{guide.slug}/"
    api_client.get(url)

    with django_assert_max_num_queries(GUIDE_DETAIL_QUERIES):
        body = api_client.get(url).json()

    assert body["cover_image"] is not None
    assert len(body["related_products"]) == min(n + 1, 3)


def _body(catalogue, n: int) -> str:
    """A body with ``n`` of each: rich text linking a page, an image, a
    product card."""
    import json

    blocks = []
    for i in range(n):
        product = [catalogue.hm46, catalogue.ck4, catalogue.gear][i % 3]
        blocks += [
            {
                "type": "rich_text",
                "id": f"t{i}",
                "value": f'<p>See <a linktype="page" id="{product.pk}">it</a>.</p>',
            },
            {
                "type": "image",
                "id": f"i{i}",
                "value": {"image": ImageFactory().pk, "caption": f"{i}"},
            },
            {
                "type": "product_reference",
                "id": f"p{i}",
                "value": {"product": product.pk, "note": ""},
            },
        ]
    return json.dumps(blocks)


@pytest.mark.parametrize("n", [1, 3])
def test_guide_detail_with_a_body_reads_as_many_queries(
    api_client, catalogue, django_assert_max_num_queries, n
):
    """Links, images and product cards in the body cost no query of their own
    (this read 20 queries and more before)."""
    guide = catalogue.guide
    guide.cover_image = ImageFactory()
    guide.body = _body(catalogue, n)
    guide.tags.add(*[f"tag{i}" for i in range(n)])
    guide.save_revision().publish()
    url = f"/api/v1/guides/{guide.slug}/"
    api_client.get(url)

    with django_assert_max_num_queries(GUIDE_DETAIL_QUERIES):
        body = api_client.get(url).json()

    kinds = [block["type"] for block in body["body"]]
    assert kinds.count("image") == n
    assert kinds.count("product_reference") == n
    assert [tag["slug"] for tag in body["tags"]] == [f"tag{i}" for i in range(n)]
    cards = [
        b["value"]["product"] for b in body["body"] if b["type"] == "product_reference"
    ]
    assert cards[0]["sku"] == "LP-HM46"
    assert cards[0]["categories"][0]["slug"] == "hydraulic"
    assert cards[0]["thumbnail"]["url"].startswith("http")
    html = body["body"][0]["value"]["html"]
    assert '<a href="/zh-hans/products/lp-hm46/">' in html
    images = [b["value"]["image"] for b in body["body"] if b["type"] == "image"]
    assert all(image["medium"]["url"].startswith("http") for image in images)


def test_product_detail_in_english_names_its_parts_in_english(api_client, catalogue):
    """Read as rows, a translation still shows its categories and brand in its
    language and its guides' tags."""
    catalogue.guide_en.tags.add("hydraulics")
    catalogue.guide_en.save_revision().publish()

    body = api_client.get("/api/v1/products/lp-hm46/", {"locale": "en"}).json()

    assert body["brand"] == {"slug": "lubpur", "name": "Lubpur"}
    assert [c["name"] for c in body["categories"]] == ["Hydraulic oil"]
    assert body["specifications"] == ["DIN 51524-2 HLP", "Denison HF-0"]
    assert [g["title"] for g in body["related_guides"]] == ["Choosing hydraulic oil"]
    assert body["related_guides"][0]["tags"] == [
        {"slug": "hydraulics", "name": "hydraulics"}
    ]
    assert [t["locale"] for t in body["translations"]] == ["zh-hans"]


def test_details_below_a_view_restriction_stay_hidden(api_client, catalogue):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=catalogue.tree.products["en"],
        restriction_type=PageViewRestriction.LOGIN,
    )

    restricted = api_client.get("/api/v1/products/lp-hm46/", {"locale": "en"})
    open_zh = api_client.get("/api/v1/products/lp-hm46/").json()
    guide = api_client.get(f"/api/v1/guides/{catalogue.guide.slug}/").json()

    assert restricted.status_code == 404
    assert open_zh["translations"] == []  # the English version is not public
    assert [p["sku"] for p in guide["related_products"]] == ["LP-HM46"]
