"""``/api/v1/categories/`` (tree) and ``/api/v1/brands/``, in the locale."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_category_tree_nests_sub_categories_in_the_requested_locale(
    api_client, catalogue
):
    tree = api_client.get("/api/v1/categories/", {"locale": "en"}).json()
    by_slug = {node["slug"]: node for node in tree}
    assert set(by_slug) == {"engine-oil", "hydraulic"}
    engine = by_slug["engine-oil"]
    assert engine["name"] == "Engine oil"
    assert [(c["slug"], c["name"], c["path"]) for c in engine["children"]] == [
        ("diesel", "Diesel engine oil", "engine-oil/diesel")
    ]
    assert engine["children"][0]["children"] == []


def test_category_tree_in_chinese_by_default(api_client, catalogue):
    names = {node["name"] for node in api_client.get("/api/v1/categories/").json()}
    assert names == {"发动机油", "液压油"}


def test_brands_list_only_brands_of_the_locale(api_client, catalogue):
    zh = api_client.get("/api/v1/brands/").json()
    assert [brand["slug"] for brand in zh["results"]] == ["shell", "lubpur"]
    en = api_client.get("/api/v1/brands/", {"locale": "en"}).json()
    assert en["count"] == 1
    assert en["results"][0] == {
        "id": catalogue.brand_en.pk,
        "slug": "lubpur",
        "name": "Lubpur",
        "description": "",
        "website": "",
        "logo": None,
        "url": "/en/brands/lubpur/",
    }
