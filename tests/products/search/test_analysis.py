"""Normalisation, code rules, segmentation and stemming (no database)."""

from __future__ import annotations

import pytest

from products.search.analysis import index_terms, prefix_terms, query_words
from products.search.highlight import highlight
from products.search.query import parse


def query_terms(text: str) -> list[str]:
    return [word.term for word in query_words(text)]


@pytest.mark.parametrize(
    "spelling", ["5w30", "5W30", "5W-30", "SAE 5W-30", "５Ｗ－３０"]
)
def test_sae_grades_are_one_term_however_written(spelling):
    assert query_terms(spelling)[-1] == "5w30"
    assert "5w30" in index_terms(f"全合成机油 {spelling}")


def test_a_grade_inside_a_longer_one_is_not_matched():
    assert "5w40" not in index_terms("SAE 15W-40")
    assert "15w40" in index_terms("SAE 15W-40")


@pytest.mark.parametrize("spelling", ["HM46", "L-HM46", "L-HM 46", "HM 46", "l-hm-46"])
def test_hydraulic_classes_are_one_term_however_written(spelling):
    assert query_terms(spelling) == ["hm46"]
    assert "hm46" in index_terms(f"抗磨液压油 {spelling}")


def test_codes_index_their_pieces_so_partial_queries_match():
    terms = index_terms("超润 抗磨液压油 L-HM 46")
    assert {"hm46", "hm", "46"} <= terms
    assert query_terms("L-HM") == ["hm"]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("API CK-4", "ck4"),
        ("API CK4", "ck4"),
        ("ISO VG 68", "vg68"),
        ("VG68", "vg68"),
        ("NLGI 2", "nlgi2"),
        ("2号", "2号"),
        ("GL-5", "gl5"),
    ],
)
def test_other_codes(text, term):
    assert query_terms(text)[-1] == term
    assert term in index_terms(text)


def test_chinese_is_segmented_in_search_mode_when_indexing():
    terms = index_terms("抗磨液压油")
    assert {"抗磨", "液压", "液压油"} <= terms
    assert "机油" in index_terms("全合成汽油机油")


def test_chinese_query_is_segmented_into_words():
    assert query_terms("超润液压油") == ["超润", "液压油"]
    assert query_terms("超润 液压油") == ["超润", "液压油"]


def test_english_is_lower_cased_and_stemmed_and_stop_words_dropped():
    assert query_terms("Hydraulic Oils for the Trucks") == ["hydraul", "oil", "truck"]
    assert {"hydraul", "oil"} <= index_terms("HYDRAULIC OIL")


def test_hyphenated_words_match_written_together():
    assert "antiwear" in index_terms("Anti-wear hydraulic oil")
    assert query_terms("anti-wear") == ["anti", "wear"]


def test_synonyms_make_a_group_of_alternatives():
    parsed = parse("黄油 2号", [["黄油", "润滑脂"]])
    # 2号 is a grease's NLGI grade or an oil's ISO VG (issue 15.8)
    assert parsed.groups == [
        [("黄油",), ("润滑脂",)],
        [("2号",), ("nlgi2",), ("vg2",)],
    ]
    english = parse("lubricating grease", [["grease", "lubricating grease"]])
    assert sorted(english.groups[0]) == [("greas",), ("lubric", "greas")]


def test_prefix_terms_keep_the_unfinished_word_unstemmed():
    assert prefix_terms("hydrau") == ["hydrau"]
    assert prefix_terms("diesel eng") == ["diesel", "eng"]


def test_highlight_marks_matches_and_escapes_html():
    text = "<b>通用</b>抗磨液压油，适用于 SAE 5W-30 与 oils"
    terms = {"液压油", "5w30", "oil"}
    html = highlight(text, terms)
    assert "&lt;b&gt;" in html
    assert "<mark>液压油</mark>" in html
    assert "<mark>5W-30</mark>" in html
    assert "<mark>oils</mark>" in html
