"""Product and guide details read a fixed number of queries, whatever the
number of categories, specifications, images, documents and related pages."""

from __future__ import annotations

import pytest

from products.models import ProductDocument, ProductImage, ProductSpecification
from tests.factories import CategoryFactory, DocumentFactory, ImageFactory

pytestmark = pytest.mark.django_db

# Locale, product (brand, main image, names joined), categories,
# specifications, gallery, documents, guides, their tags, translations with
# breadcrumbs, every image's renditions. (19 before; the list reads 7.)
PRODUCT_DETAIL_QUERIES = 10
# Locale, guide, tags, related products (keys, rows and their card data),
# translations with breadcrumbs, the cover's renditions. (15 before.)
GUIDE_DETAIL_QUERIES = 12


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
