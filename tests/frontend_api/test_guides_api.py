"""``/api/v1/guides/``: list filters and the typed body of the detail."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from products.search.services import search_index_rebuild
from tests.factories import GuidePageFactory, ImageFactory, translate

pytestmark = pytest.mark.django_db

LIST = "/api/v1/guides/"


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


@pytest.fixture
def guides(catalogue):
    tree = catalogue.tree
    engine = GuidePageFactory(
        parent=tree.guides["zh-hans"], title="柴油机油保养", products=[catalogue.ck4]
    )
    engine.tags.add("maintenance")
    engine.save()
    catalogue.guide.tags.add("selection")
    catalogue.guide.save()
    translate(engine, tree.locales["en"], title="Diesel engine care")
    search_index_rebuild()
    return catalogue


def test_guide_list_holds_the_guides_of_the_locale(api_client, guides):
    assert sorted(titles(api_client.get(LIST))) == ["如何选择液压油", "柴油机油保养"]
    assert sorted(titles(api_client.get(LIST, {"locale": "en"}))) == [
        "Choosing hydraulic oil",
        "Diesel engine care",
    ]


def test_guide_list_item_shape(api_client, guides):
    item = api_client.get(LIST, {"tag": "selection"}).json()["results"][0]
    assert item["url"] == f"/zh-hans/guides/{guides.guide.slug}/"
    assert item["tags"] == [{"slug": "selection", "name": "selection"}]
    assert item["date"] == "2026-03-01" and item["locale"] == "zh-hans"
    assert item["thumbnail"] is None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"tag": "maintenance"}, ["柴油机油保养"]),
        ({"product": "lp-hm46"}, ["如何选择液压油"]),
        ({"product": "no-such-sku"}, []),
        ({"ordering": "title"}, ["如何选择液压油", "柴油机油保养"]),
    ],
)
def test_guide_list_filters(api_client, guides, params, expected):
    assert titles(api_client.get(LIST, params)) == expected


def test_guide_search_and_bad_ordering(api_client, guides):
    assert titles(api_client.get(LIST, {"q": "diesel", "locale": "en"})) == [
        "Diesel engine care"
    ]
    response = api_client.get(LIST, {"ordering": "popularity"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "ordering"


def test_guide_detail_body_is_typed_blocks_in_the_reader_locale(api_client, catalogue):
    image = ImageFactory(alt_text="油桶")
    guide = catalogue.guide_en
    guide.body = json.dumps(
        [
            {
                "type": "rich_text",
                "id": "b1",
                "value": f'<p>Pick <a linktype="page" id="{catalogue.hm46.pk}">'
                "HM 46</a>.</p>",
            },
            {"type": "image", "id": "b2", "value": {"image": image.pk, "caption": "A"}},
            {
                "type": "table",
                "id": "b3",
                "value": {
                    "data": [["Grade", "Use"], ["46", None]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Grades",
                },
            },
            {
                "type": "callout",
                "id": "b4",
                "value": {"style": "warning", "title": "Note", "text": "<p>Hot</p>"},
            },
            {
                "type": "product_reference",
                "id": "b5",
                "value": {"product": catalogue.hm46.pk, "note": "Best fit"},
            },
            {
                "type": "product_reference",
                "id": "b6",
                "value": {"product": catalogue.gear.pk, "note": "Only in Chinese"},
            },
        ]
    )
    guide.save_revision().publish()

    response = api_client.get(f"{LIST}{guide.slug}/", {"locale": "en"})

    assert response.status_code == 200
    body = response.json()
    assert body["type"] == "products.GuidePage"
    blocks = body["body"]
    assert [block["type"] for block in blocks] == [
        "rich_text",
        "image",
        "table",
        "callout",
        "product_reference",
    ]
    assert blocks[0] == {
        "type": "rich_text",
        "id": "b1",
        "value": {"html": '<p>Pick <a href="/en/products/lp-hm46/">HM 46</a>.</p>'},
    }
    assert blocks[1]["value"]["caption"] == "A"
    assert blocks[1]["value"]["image"]["medium"]["alt"] == "油桶"
    assert blocks[2]["value"] == {
        "caption": "Grades",
        "first_row_is_header": True,
        "first_col_is_header": False,
        "rows": [["Grade", "Use"], ["46", None]],
    }
    assert blocks[3]["value"] == {
        "style": "warning",
        "title": "Note",
        "html": "<p>Hot</p>",
    }
    reference = blocks[4]["value"]
    assert reference["note"] == "Best fit"
    assert reference["product"]["id"] == catalogue.hm46_en.pk
    assert reference["product"]["brand"] == {"slug": "lubpur", "name": "Lubpur"}
    assert [p["id"] for p in body["related_products"]] == [catalogue.hm46_en.pk]
    assert body["reading_time"] >= 1
    assert body["translations"][0]["locale"] == "zh-hans"


def test_guide_detail_404s(api_client, catalogue):
    zh_only = GuidePageFactory(parent=catalogue.tree.guides["zh-hans"], slug="zh-only")
    response = api_client.get(f"{LIST}{zh_only.slug}/", {"locale": "en"})
    assert response.status_code == 404
    assert response.json()["code"] == "not_translated"
    assert response.json()["available_locales"] == ["zh-hans"]
    assert api_client.get(f"{LIST}nothing-here/").json()["code"] == "not_found"


def _guide_list_queries(client) -> int:
    client.get(LIST, {"page_size": 100})  # renditions are generated once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"page_size": 100})
    assert response.status_code == 200
    return len(queries)


def _add_guides(tree, count: int) -> None:
    for _ in range(count):
        guide = GuidePageFactory(
            parent=tree.guides["zh-hans"], cover_image=ImageFactory()
        )
        guide.tags.add("oil", "care")
        guide.save()


def test_guide_list_query_count_is_the_same_for_5_and_50_guides(api_client, tree):
    _add_guides(tree, 5)
    with_5 = _guide_list_queries(api_client)
    _add_guides(tree, 45)
    assert _guide_list_queries(api_client) == with_5
