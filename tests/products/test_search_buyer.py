"""Search as a buyer types it: grades with 号 or #, the built-in lexicon that
editors extend, pinyin, one typo (issue 15.8)."""

from __future__ import annotations

import pytest

from products.search.analysis import pinyin_forms, query_words
from products.search.lexicon import merged_groups
from products.search.models import SearchSynonym
from products.search.selectors import search_hits
from products.search.services import search_index_rebuild
from products.search.typos import edits
from tests.factories import (
    BrandFactory,
    CategoryFactory,
    ProductPageFactory,
    translate,
    translate_snippet,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(tree):
    zh, en = tree.locales["zh-hans"], tree.locales["en"]
    lubpur = BrandFactory(name="超润", slug="lubpur")
    translate_snippet(lubpur, en, name="Lubpur")
    grease = CategoryFactory(name="润滑脂", slug="grease")
    hydraulic = CategoryFactory(name="液压油", slug="hydraulic")
    turbine = CategoryFactory(name="汽轮机油", slug="turbine")
    for category, name in (
        (grease, "Greases"),
        (hydraulic, "Hydraulic oils"),
        (turbine, "Turbine oils"),
    ):
        translate_snippet(category, en, name=name)
    parent = tree.products["zh-hans"]
    pages = {
        "ep2": ProductPageFactory(
            parent=parent,
            sku="LP-EP2",
            title="超润 极压锂基脂 NLGI 2",
            brand=lubpur,
            viscosity_grade="NLGI 2",
            summary="通用轴承润滑。",
            categories=[grease],
        ),
        "ep3": ProductPageFactory(
            parent=parent,
            sku="LP-EP3",
            title="超润 极压锂基脂 NLGI 3",
            brand=lubpur,
            viscosity_grade="NLGI 3",
            summary="通用轴承润滑。",
            categories=[grease],
        ),
        "hm46": ProductPageFactory(
            parent=parent,
            sku="LP-HM46",
            title="超润 抗磨液压油 46",
            brand=lubpur,
            viscosity_grade="ISO VG 46",
            summary="叶片泵。",
            categories=[hydraulic],
        ),
        "hm68": ProductPageFactory(
            parent=parent,
            sku="LP-HM68",
            title="超润 抗磨液压油 68",
            brand=lubpur,
            viscosity_grade="ISO VG 68",
            summary="叶片泵。",
            categories=[hydraulic],
        ),
        "tsa": ProductPageFactory(
            parent=parent,
            sku="LP-TSA46",
            title="超润 汽轮机油 L-TSA 46",
            brand=lubpur,
            viscosity_grade="ISO VG 46",
            summary="电厂。",
            categories=[turbine],
        ),
    }
    pages["hm46_en"] = translate(
        pages["hm46"],
        en,
        title="Lubpur Anti-wear Hydraulic Oil 46",
        summary="Vane pumps.",
    )
    pages["tsa_en"] = translate(
        pages["tsa"], en, title="Lubpur Steam Turbine Oil 46", summary="Power plants."
    )
    search_index_rebuild()
    pages["zh"], pages["en"] = zh, en
    return pages


def found(text, locale) -> set[int]:
    _parsed, hits = search_hits(text=text, locale=locale, kinds=["product"])
    return {hit.page_id for hit in hits[:50]}


def ids(catalogue, *names) -> set[int]:
    return {catalogue[name].pk for name in names}


@pytest.mark.parametrize(
    "query",
    ["2号 润滑脂", "2# 润滑脂", "润滑脂 2号", "润滑脂 #2", "2#润滑脂", "２＃ 润滑脂"],
)
def test_a_grade_with_hao_or_hash_finds_the_nlgi_grade(catalogue, query):
    assert found(query, catalogue["zh"]) == ids(catalogue, "ep2")


def test_a_hao_grade_before_an_oil_means_its_iso_vg(catalogue):
    assert found("46号 液压油", catalogue["zh"]) == ids(catalogue, "hm46")
    assert found("46#抗磨液压油", catalogue["zh"]) == ids(catalogue, "hm46")
    assert found("68号", catalogue["zh"]) == ids(catalogue, "hm68")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("黄油", {"ep2", "ep3"}),
        ("干油", {"ep2", "ep3"}),
        ("锂基黄油", {"ep2", "ep3"}),
        ("透平油", {"tsa"}),
        ("HM液压油", {"hm46", "hm68"}),
    ],
)
def test_the_built_in_lexicon_knows_trade_names(catalogue, query, expected):
    assert SearchSynonym.objects.count() == 0
    assert found(query, catalogue["zh"]) == ids(catalogue, *expected)


def test_the_lexicon_works_in_english(catalogue):
    assert found("AW hydraulic oil", catalogue["en"]) == ids(catalogue, "hm46_en")
    assert found("turbine lubricant", catalogue["en"]) == ids(catalogue, "tsa_en")


def test_an_editors_group_extends_a_built_in_one(catalogue):
    assert found("牛脂", catalogue["zh"]) == set()
    SearchSynonym.objects.create(locale=catalogue["zh"], terms="牛脂 = 黄油")
    # 牛脂 joins 黄油's built-in group, so it finds what 润滑脂 finds
    assert found("牛脂", catalogue["zh"]) == ids(catalogue, "ep2", "ep3")


def test_merged_groups_join_groups_sharing_a_term():
    groups = merged_groups(
        [["润滑脂", "黄油"], ["液压油", "液压液"]], [["牛脂", "黄油"]]
    )
    assert groups == [["润滑脂", "黄油", "牛脂"], ["液压油", "液压液"]]
    bridged = merged_groups([["a", "b"], ["c", "d"]], [["B", "c"]])
    assert sorted(bridged[0]) == ["a", "b", "c", "d"] and len(bridged) == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("yeyayou", {"hm46", "hm68"}),
        ("kangmoyeyayou", {"hm46", "hm68"}),
        ("kmyyy", {"hm46", "hm68"}),
        ("chaorun runhuazhi", {"ep2", "ep3"}),
        ("cr qljy", {"tsa"}),
        ("qilunjiyou", {"tsa"}),
    ],
)
def test_pinyin_full_and_initials_find_titles_brands_and_categories(
    catalogue, query, expected
):
    assert found(query, catalogue["zh"]) == ids(catalogue, *expected)


def test_pinyin_forms():
    forms = pinyin_forms("超润 抗磨液压油")
    assert {"chaorun", "kangmoyeyayou", "yeyayou", "kmyyy", "yyy"} <= set(forms)
    assert "cr" not in forms  # two-letter initials only for brands
    assert "cr" in pinyin_forms("超润", min_initials=2)
    assert pinyin_forms("Lubpur HM46") == []


@pytest.mark.parametrize(
    "query", ["hydrualic oil", "hydrulic oil", "hydraullic oil", "hydraolic oil"]
)
def test_one_typo_is_forgiven_in_a_long_latin_word(catalogue, query):
    assert found(query, catalogue["en"]) == ids(catalogue, "hm46_en")


def test_typos_are_not_forgiven_in_short_words_codes_or_known_words(catalogue):
    en = catalogue["en"]
    assert found("oli", en) == set()  # three letters
    assert found("hydraulic oil", en) == ids(catalogue, "hm46_en")
    assert (
        found("hydrualic turbnie", en) == set()
    )  # each fixed, but no product has both
    assert found("hydrxxlic oil", en) == set()  # two edits
    assert query_words("hm46")[0].raw == ""  # codes are never corrected


def test_edits_are_one_step():
    variants = edits("grease")
    assert {"grase", "graese", "greasse", "greaze"} <= variants
    assert "grease" not in variants and "grasse" not in variants
