"""``/api/v1/products/``: list filters, search, ordering, locale, detail, 404s."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from products.models import ProductCategoryLink, ProductDocument, ProductImage
from tests.factories import (
    CategoryFactory,
    DocumentFactory,
    ImageFactory,
    ProductPageFactory,
)

pytestmark = pytest.mark.django_db

LIST = "/api/v1/products/"


def skus(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["sku"] for item in response.json()["results"]]


def test_list_holds_live_products_of_the_requested_locale_only(api_client, catalogue):
    assert skus(api_client.get(LIST)) == ["LP-HM46", "LP-CK4-1540", "SH-GEAR"]
    english = api_client.get(LIST, {"locale": "en"})
    assert skus(english) == ["LP-HM46", "LP-CK4-1540"]
    Page.objects.filter(pk=catalogue.ck4_en.pk).update(live=False)
    assert skus(api_client.get(LIST, {"locale": "en"})) == ["LP-HM46"]


def test_list_follows_accept_language_when_no_locale_is_given(api_client, catalogue):
    response = api_client.get(LIST, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert {item["locale"] for item in response.json()["results"]} == {"en"}


def test_list_item_names_brand_and_categories_in_the_requested_locale(
    api_client, catalogue
):
    item = api_client.get(LIST, {"locale": "en"}).json()["results"][1]
    assert item == {
        "id": catalogue.ck4_en.pk,
        "sku": "LP-CK4-1540",
        "title": "Diesel engine oil CK-4 15W-40",
        "slug": "lp-ck4-1540",
        "url": "/en/products/lp-ck4-1540/",
        "locale": "en",
        "brand": {"slug": "lubpur", "name": "Lubpur"},
        "categories": [
            {"slug": "diesel", "name": "Diesel engine oil", "path": "engine-oil/diesel"}
        ],
        "viscosity_grade": "SAE 15W-40",
        "base_oil": "synthetic",
        "summary": "抗磨液压油",
        "thumbnail": None,
        "package_sizes": [],
        "is_favorite": False,
    }


def test_list_item_carries_a_thumbnail_rendition(api_client, catalogue):
    thumbnail = api_client.get(LIST).json()["results"][0]["thumbnail"]
    assert thumbnail["id"] == catalogue.hm46.main_image_id
    assert thumbnail["url"].startswith("http://testserver/media/images/")
    assert "fill-400x400" in thumbnail["url"]
    assert thumbnail["alt"] == "200L 桶"
    assert {"width", "height"} <= set(thumbnail)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"category": "engine-oil"}, ["LP-CK4-1540", "SH-GEAR"]),
        ({"category": "diesel"}, ["LP-CK4-1540"]),
        ({"category": "no-such-category"}, []),
        ({"brand": "shell"}, ["SH-GEAR"]),
        ({"viscosity_grade": "iso vg 46"}, ["LP-HM46"]),
        ({"base_oil": "synthetic"}, ["LP-CK4-1540"]),
        ({"specification": "api ck-4"}, ["LP-CK4-1540"]),
        ({"brand": "lubpur", "category": "engine-oil"}, ["LP-CK4-1540"]),
    ],
)
def test_list_filters(api_client, catalogue, params, expected):
    assert skus(api_client.get(LIST, params)) == expected


def test_category_filter_includes_sub_categories_in_english_too(api_client, catalogue):
    response = api_client.get(LIST, {"category": "engine-oil", "locale": "en"})
    assert skus(response) == ["LP-CK4-1540"]


def test_full_text_search_finds_products_in_the_requested_locale(api_client, catalogue):
    assert skus(api_client.get(LIST, {"q": "hydraulic", "locale": "en"})) == ["LP-HM46"]
    assert skus(api_client.get(LIST, {"q": "hydraulic"})) == []


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("sku", ["LP-CK4-1540", "LP-HM46", "SH-GEAR"]),
        ("-sku", ["SH-GEAR", "LP-HM46", "LP-CK4-1540"]),
        ("-viscosity_grade", ["LP-CK4-1540", "LP-HM46", "SH-GEAR"]),
    ],
)
def test_ordering(api_client, catalogue, ordering, expected):
    assert skus(api_client.get(LIST, {"ordering": ordering})) == expected


@pytest.mark.parametrize(
    ("params", "attr"),
    [
        ({"ordering": "price"}, "ordering"),
        ({"base_oil": "olive"}, "base_oil"),
        ({"locale": "fr"}, "locale"),
    ],
)
def test_bad_parameters_are_a_400_problem_naming_the_parameter(
    api_client, catalogue, params, attr
):
    response = api_client.get(LIST, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [error["attr"] for error in response.json()["errors"]] == [attr]


def test_list_is_paginated(api_client, catalogue):
    body = api_client.get(LIST, {"page_size": 2}).json()
    assert body["count"] == 3 and len(body["results"]) == 2
    assert "page=2" in body["next"] and body["previous"] is None
    assert api_client.get(LIST, {"page": 9}).status_code == 404


def _add_products(tree, count: int) -> None:
    category = CategoryFactory()
    for _ in range(count):
        product = ProductPageFactory(
            parent=tree.products["zh-hans"],
            main_image=ImageFactory(),
            categories=[category],
            specification_codes=["API SP"],
        )
        ProductCategoryLink.objects.create(page=product, category=CategoryFactory())


def _list_queries(client) -> int:
    client.get(LIST, {"page_size": 100})  # renditions are generated once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"page_size": 100})
    assert response.status_code == 200
    return len(queries)


def test_list_query_count_is_the_same_for_5_and_50_products(api_client, tree):
    _add_products(tree, 5)
    with_5 = _list_queries(api_client)
    _add_products(tree, 45)
    with_50 = _list_queries(api_client)
    assert with_5 == with_50 <= 8


# --- detail --------------------------------------------------------------------


def test_detail_has_everything_an_editor_entered(api_client, catalogue):
    product = catalogue.hm46_en
    ProductImage.objects.create(page=product, image=ImageFactory(), caption="Drum")
    ProductDocument.objects.create(
        page=product, document=DocumentFactory(language="en"), kind="sds"
    )
    product.features = (
        f'<p>See <a linktype="page" id="{catalogue.guide.pk}">the guide</a>.</p>'
    )
    product.typical_properties = [
        (
            "property",
            {
                "property": "Kinematic viscosity @40°C",
                "test_method": "ASTM D445",
                "unit": "mm²/s",
                "value": "46.2",
            },
        )
    ]
    product.save()

    response = api_client.get(f"{LIST}lp-hm46/", {"locale": "en"})

    assert response.status_code == 200
    body = response.json()
    assert body["type"] == "products.ProductPage"
    assert body["locale"] == "en" and body["title"] == product.title
    assert body["specifications"] == ["DIN 51524-2 HLP", "Denison HF-0"]
    assert body["applications"] == ["注塑机", "液压站"]
    # Structured, labelled in English, with the source's ids (synchronised).
    assert [
        (size["amount"], size["unit"], size["container"], size["count"], size["label"])
        for size in body["package_sizes"]
    ] == [
        ("18", "L", "drum", None, "18 L drum"),
        ("200", "L", "drum", None, "200 L drum"),
    ]
    source_ids = [item["id"] for item in catalogue.hm46.package_sizes.raw_data]
    assert [size["id"] for size in body["package_sizes"]] == source_ids
    guide_path = "/en/guides/" + catalogue.guide_en.slug + "/"
    assert body["features"] == f'<p>See <a href="{guide_path}">the guide</a>.</p>'
    assert body["typical_properties"] == [
        {
            "property": "Kinematic viscosity @40°C",
            "test_method": "ASTM D445",
            "unit": "mm²/s",
            "value": "46.2",
        }
    ]
    assert [image["caption"] for image in body["images"]] == ["", "Drum"]
    assert {"thumbnail", "medium", "large", "caption", "sources"} <= set(
        body["images"][1]
    )
    assert "max-1600x1600" in body["images"][1]["large"]["url"]
    document = body["documents"][0]
    assert document["kind"] == "sds" and document["language"] == "en"
    assert document["content_type"] == "application/pdf"
    assert document["size"] == len(b"%PDF-1.4 test")
    assert document["download_url"] == (
        f"http://testserver/api/v1/documents/{document['id']}/download/"
    )
    assert document["members_only"] is False
    assert [guide["url"] for guide in body["related_guides"]] == [guide_path]
    assert body["translations"] == [
        {
            "locale": "zh-hans",
            "id": catalogue.hm46.pk,
            "slug": "lp-hm46",
            "url": "/zh-hans/products/lp-hm46/",
        }
    ]


def test_detail_of_an_untranslated_product_is_a_not_translated_404(
    api_client, catalogue
):
    response = api_client.get(f"{LIST}sh-gear/", {"locale": "en"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "not_translated"
    assert body["available_locales"] == ["zh-hans"]
    assert body["translations"][0]["url"] == "/zh-hans/products/sh-gear/"


def test_unknown_slug_is_a_not_found_problem(api_client, catalogue):
    response = api_client.get(f"{LIST}no-such-product/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_detail_shows_the_published_version_not_a_draft(api_client, catalogue):
    page = catalogue.hm46.specific
    page.title = "草稿标题"
    page.save_revision()
    assert api_client.get(f"{LIST}lp-hm46/").json()["title"] == "抗磨液压油 L-HM 46"


def test_detail_query_count_does_not_grow_with_images_and_documents(
    api_client, catalogue
):
    def detail_queries() -> int:
        api_client.get(f"{LIST}lp-hm46/")  # renditions are generated once
        with CaptureQueriesContext(connection) as queries:
            assert api_client.get(f"{LIST}lp-hm46/").status_code == 200
        return len(queries)

    def add_image_and_document() -> None:
        ProductImage.objects.create(page=catalogue.hm46, image=ImageFactory())
        ProductDocument.objects.create(page=catalogue.hm46, document=DocumentFactory())

    add_image_and_document()
    with_one = detail_queries()
    for _ in range(5):
        add_image_and_document()
    assert detail_queries() == with_one
