"""The catalogue sidebar: multi-valued filters, values normalised like search,
facet counts in a fixed number of queries (issue 15.4)."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from products.search.services import search_index_rebuild
from tests.factories import (
    BrandFactory,
    CategoryFactory,
    ProductPageFactory,
    translate_snippet,
)

pytestmark = pytest.mark.django_db

PRODUCTS = "/api/v1/products/"
FACETS = "/api/v1/products/facets/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def catalogue(tree):
    en = tree.locales["en"]
    lubpur = BrandFactory(name="超润", slug="lubpur")
    translate_snippet(lubpur, en, name="Lubpur")
    chuanye = BrandFactory(name="川野", slug="chuanye")
    engine = CategoryFactory(name="发动机油", slug="engine-oil")
    diesel = CategoryFactory(name="柴油机油", slug="diesel", parent=engine)
    gasoline = CategoryFactory(name="汽油机油", slug="gasoline", parent=engine)
    hydraulic = CategoryFactory(name="液压油", slug="hydraulic")
    CategoryFactory(name="润滑脂", slug="grease")  # no products: not a facet value
    parent = tree.products["zh-hans"]

    def product(sku, brand, grade, categories, base_oil="mineral", specs=()):
        return ProductPageFactory(
            parent=parent,
            sku=sku,
            title=f"{brand.name} {sku}",
            brand=brand,
            viscosity_grade=grade,
            base_oil=base_oil,
            categories=categories,
            specification_codes=list(specs),
            summary="润滑油",
        )

    pages = {
        "ck4": product("LP-CK4", lubpur, "SAE 15W-40", [diesel], specs=["API CK-4"]),
        "ci4": product("CY-CI4", chuanye, "SAE 15W-40", [diesel], specs=["API CI-4"]),
        "sp": product(
            "LP-SP", lubpur, "SAE 5W-30", [gasoline], "synthetic", ["API SP"]
        ),
        "hm46": product("LP-HM46", lubpur, "ISO VG 46", [hydraulic]),
        "hm46b": product("CY-HM46", chuanye, "VG46", [hydraulic], "semi_synthetic"),
        "hm68": product("LP-HM68", lubpur, "ISO VG 68", [hydraulic]),
    }
    search_index_rebuild()
    return pages


def skus(api_client, params) -> set[str]:
    response = api_client.get(PRODUCTS, params)
    assert response.status_code == 200, response.content
    return {item["sku"] for item in response.json()["results"]}


def test_repeated_filters_match_any_of_their_values(api_client, catalogue):
    assert skus(api_client, {"category": ["diesel", "hydraulic"]}) == {
        "LP-CK4",
        "CY-CI4",
        "LP-HM46",
        "CY-HM46",
        "LP-HM68",
    }
    assert skus(api_client, {"brand": ["chuanye", "nobody"]}) == {"CY-CI4", "CY-HM46"}
    assert skus(api_client, {"base_oil": ["synthetic", "semi_synthetic"]}) == {
        "LP-SP",
        "CY-HM46",
    }
    # different filters must all match
    assert skus(api_client, {"category": ["engine-oil"], "brand": ["chuanye"]}) == {
        "CY-CI4"
    }


@pytest.mark.parametrize(
    ("grade", "expected"),
    [
        ("VG46", {"LP-HM46", "CY-HM46"}),
        ("ISO VG 46", {"LP-HM46", "CY-HM46"}),
        ("iso vg46", {"LP-HM46", "CY-HM46"}),
        ("15w40", {"LP-CK4", "CY-CI4"}),
        ("SAE 5W-30", {"LP-SP"}),
        ("VG 460", set()),
    ],
)
def test_grades_are_compared_as_search_compares_them(
    api_client, catalogue, grade, expected
):
    assert skus(api_client, {"viscosity_grade": grade}) == expected


def test_specifications_are_normalised_and_repeatable(api_client, catalogue):
    assert skus(api_client, {"specification": "ck4"}) == {"LP-CK4"}
    assert skus(api_client, {"specification": ["API CK-4", "CI-4"]}) == {
        "LP-CK4",
        "CY-CI4",
    }


def values(facet) -> dict[str, int]:
    return {item["value"]: item["count"] for item in facet}


def test_facets_count_each_value_with_the_other_filters(api_client, catalogue):
    response = api_client.get(FACETS, {"brand": "lubpur"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 4
    facets = body["facets"]
    # the brand facet ignores the brand filter: the other brand keeps its count
    assert values(facets["brand"]) == {"lubpur": 4, "chuanye": 2}
    lubpur = next(item for item in facets["brand"] if item["value"] == "lubpur")
    assert lubpur == {"value": "lubpur", "name": "超润", "count": 4, "selected": True}
    assert values(facets["base_oil"]) == {"mineral": 3, "synthetic": 1}
    assert values(facets["specification"]) == {"API CK-4": 1, "API SP": 1}
    # one grade however spelt
    assert values(facets["viscosity_grade"]) == {
        "SAE 15W-40": 1,
        "SAE 5W-30": 1,
        "ISO VG 46": 1,
        "ISO VG 68": 1,
    }
    tree = {item["value"]: item for item in facets["category"]}
    assert set(tree) == {"engine-oil", "hydraulic"}  # 润滑脂 has no products
    assert tree["engine-oil"]["count"] == 2 and tree["hydraulic"]["count"] == 2
    assert values(tree["engine-oil"]["children"]) == {"diesel": 1, "gasoline": 1}
    assert tree["engine-oil"]["path"] == "engine-oil"


def test_facets_merge_spellings_and_follow_the_query(api_client, catalogue):
    body = api_client.get(FACETS, {"q": "液压油"}).json()  # the category's name
    assert body["count"] == 3
    assert values(body["facets"]["brand"]) == {"lubpur": 2, "chuanye": 1}
    body = api_client.get(FACETS, {"category": "hydraulic"}).json()
    assert body["count"] == 3
    assert values(body["facets"]["viscosity_grade"]) == {"ISO VG 46": 2, "ISO VG 68": 1}
    selected = api_client.get(FACETS, {"viscosity_grade": "vg46"}).json()
    grades = {i["value"]: i["selected"] for i in selected["facets"]["viscosity_grade"]}
    assert grades["ISO VG 46"] is True and grades["ISO VG 68"] is False
    assert selected["count"] == 2


def test_facets_in_english_name_brands_in_english(api_client, catalogue):
    body = api_client.get(FACETS, {"locale": "en"}).json()
    assert body["count"] == 0  # no product is translated
    assert body["facets"]["brand"] == []


def test_facet_queries_are_a_fixed_number(
    api_client, catalogue, tree, django_assert_max_num_queries
):
    every = {
        "q": "润滑油",
        "brand": ["lubpur", "chuanye"],
        "category": ["engine-oil", "hydraulic"],
        "base_oil": ["mineral", "synthetic"],
        "viscosity_grade": ["VG46", "15W-40"],
        "specification": ["CK-4", "API SP"],
    }
    with django_assert_max_num_queries(18):
        few = api_client.get(FACETS, every)
    hydraulic = catalogue["hm46"].category_links.first().category
    for number in range(10):
        ProductPageFactory(
            parent=tree.products["zh-hans"],
            sku=f"LP-X{number}",
            viscosity_grade=f"ISO VG {number + 100}",
            categories=[hydraulic],
            specification_codes=[f"DIN {number}"],
            summary="润滑油",
        )
    search_index_rebuild()
    cache.clear()
    with django_assert_max_num_queries(18):
        many = api_client.get(FACETS, every)
    assert few.status_code == many.status_code == 200
    assert many.json()["facets"]["category"]


@pytest.mark.parametrize(
    "params",
    [
        {"base_oil": "whale"},
        {"brand": "x" * 101},
        {"category": [f"c{n}" for n in range(21)]},
    ],
)
@pytest.mark.parametrize("url", [PRODUCTS, FACETS])
def test_bad_filters_are_400_problems(api_client, catalogue, url, params):
    response = api_client.get(url, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["attr"] in params
