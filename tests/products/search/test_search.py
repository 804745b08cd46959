"""Search results on a small bilingual catalogue (runs on SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from products.search.selectors import search_hits, search_results, search_suggest

pytestmark = pytest.mark.django_db


def found(shop, text: str, locale: str = "zh-hans", kinds=None) -> list[int]:
    parsed, hits = search_hits(text=text, locale=getattr(shop, locale[:2]), kinds=kinds)
    return [hit.page_id for hit in hits[:20]]


def test_a_chinese_word_finds_the_longer_words_containing_it(shop):
    assert found(shop, "液压油")[:2] == [shop.hm46.pk, shop.hv32.pk]
    assert shop.hm46.pk in found(shop, "液压油")
    assert shop.sp530.pk in found(shop, "机油")


def test_the_guide_is_found_too_and_type_narrows(shop):
    assert shop.guide.pk in found(shop, "液压油")
    assert found(shop, "液压油", kinds=["guide"]) == [shop.guide.pk]
    assert shop.guide.pk not in found(shop, "液压油", kinds=["product"])


@pytest.mark.parametrize("query", ["5w30", "5W30", "5W-30", "SAE 5W-30"])
def test_grades_match_however_written(shop, query):
    assert found(shop, query) == [shop.sp530.pk]
    assert found(shop, query, "en") == [shop.sp530_en.pk]


@pytest.mark.parametrize("query", ["HM46", "L-HM46", "L-HM 46", "hm 46"])
def test_hydraulic_grades_match_however_written(shop, query):
    assert found(shop, query) == [shop.hm46.pk]


def test_codes_and_skus(shop):
    assert found(shop, "CK-4") == [shop.ck4.pk]
    assert found(shop, "lp-ck4-1540") == [shop.ck4.pk]
    assert found(shop, "ISO VG 32") == [shop.hv32.pk]


def test_every_word_must_match_in_any_field(shop):
    assert found(shop, "超润 液压油") == [shop.hm46.pk]  # brand + category
    assert found(shop, "超润液压油") == [shop.hm46.pk]
    assert found(shop, "川野 机油") == []
    assert found(shop, "diesel engine oil", "en") == [shop.ck4_en.pk]


def test_parent_categories_are_searchable(shop):
    # 柴油机油 sits below 发动机油: the CK-4 oil is an engine oil too.
    assert set(found(shop, "发动机油")) == {shop.sp530.pk, shop.ck4.pk}


def test_each_locale_searches_its_own_pages(shop):
    assert found(shop, "hydraulic", "en")[:2] == [shop.hm46_en.pk, shop.hv32_en.pk]
    assert found(shop, "hydraulic") == []


def test_title_ranks_above_other_fields(shop):
    # 液压油 is in the guide's title and in its summary; "L-HM" only in the
    # guide's summary but in the product's title.
    assert found(shop, "L-HM") == [shop.hm46.pk, shop.guide.pk]


def test_editors_synonyms_apply_when_querying(shop):
    assert found(shop, "黄油") == [shop.ep2.pk]
    assert found(shop, "黄油 2号") == [shop.ep2.pk]
    assert set(found(shop, "机油")) >= {shop.sp530.pk, shop.ck4.pk}
    assert found(shop, "lubricating grease", "en") == [shop.ep2_en.pk]


def test_results_carry_a_highlighted_snippet(shop):
    parsed, hits = search_hits(text="叶片泵", locale=shop.zh)
    (row,) = search_results(hits=hits[:20], parsed=parsed)
    assert row.page_id == shop.hm46.pk
    assert "<mark>叶片泵</mark>" in row.snippet
    assert row.url_path.endswith("/products/lp-hm46/")


def test_suggestions_complete_titles_brands_and_grades(shop):
    texts = [s.text for s in search_suggest(text="液压", locale=shop.zh)]
    assert "超润 抗磨液压油 L-HM 46" in texts
    assert "如何选择液压油" in texts
    grades = search_suggest(text="5w", locale=shop.en)
    assert (grades[0].text, grades[0].kind) == ("SAE 5W-30", "grade")
    english = [s.text for s in search_suggest(text="hydrau", locale=shop.en)]
    assert "Lubpur Anti-wear Hydraulic Oil L-HM 46" in english
    brands = [(s.text, s.kind) for s in search_suggest(text="超", locale=shop.zh)]
    assert brands[0] == ("超润", "brand")
    assert len(search_suggest(text="l", locale=shop.en)) <= 10


def test_suggestions_list_products_before_guides(shop):
    kinds = [s.kind for s in search_suggest(text="液压", locale=shop.zh)]
    assert kinds == sorted(kinds, key=lambda kind: kind != "product")
    assert kinds[0] == "product" and "guide" in kinds
