"""The plain-text policy grammar, in Chinese and English, and malformed input."""

import datetime as dt

import pytest
from django.utils import translation

from legal.parsing import PolicyParseError, cjk_number, parse_policy

from .fixtures import BILINGUAL, EN, ZH


@pytest.fixture(autouse=True)
def _english():
    """The messages in English, as the command line prints them with LANG=en."""
    with translation.override("en"):
        yield


def test_chinese_parts_come_before_the_numbered_sections_in_order():
    policy = parse_policy(ZH, "zh-hans")
    assert policy.title == "测试声明及隐私政策"
    assert policy.updated_on == dt.date(2024, 3, 1)
    assert [(s.number, s.heading) for s in policy.sections] == [
        (None, "基本规则"),
        (None, "版权声明"),
        (1, "我们如何收集信息"),
        (2, "如何联系我们"),
    ]


def test_contents_list_stays_items_of_its_part_not_sections():
    policy = parse_policy(ZH, "zh-hans")
    copyright_part = policy.sections[1]
    assert [u.number for u in copyright_part.units] == [None, None, 1, 2]
    assert copyright_part.units[2].text == "我们如何收集信息"


def test_introduction_is_the_text_before_the_first_heading():
    assert parse_policy(ZH, "zh-hans").intro == [
        "特别提示:",
        "这是一段引言,说明本政策的适用范围。",
    ]


def test_chinese_subsections_items_and_unnumbered_subheadings():
    section = parse_policy(ZH, "zh-hans").sections[2]
    assert [(s.number, s.heading) for s in section.subsections] == [
        (1, "我们收集的信息"),
        (None, "我们使用信息的方式"),
    ]
    uses = section.subsections[1].units
    assert [(u.number, u.marker, u.text) for u in uses] == [
        (1, "paren", "改进服务。"),
        (2, "paren", "保障安全。"),
    ]


def test_contact_block_starts_at_the_first_address_in_the_last_section():
    policy = parse_policy(ZH, "zh-hans")
    assert policy.contact == ["邮箱:help@example.com", "电话:021-12345678"]
    assert [u.text for u in policy.sections[-1].units] == [
        "如有问题,可通过以下方式联系我们:"
    ]


def test_english_has_the_same_shape_as_the_chinese():
    zh, en = parse_policy(ZH, "zh-hans"), parse_policy(EN, "en")
    assert en.title == "Test Statement and Privacy Policy"
    assert en.updated_on == dt.date(2024, 3, 1)
    assert [s.number for s in en.sections] == [s.number for s in zh.sections]
    for zh_section, en_section in zip(zh.sections, en.sections, strict=True):
        assert len(en_section.units) == len(zh_section.units)
        assert [len(s.units) for s in en_section.subsections] == [
            len(s.units) for s in zh_section.subsections
        ]
    assert en.sections[0].units[0].text == "You shall obey the law."
    assert en.sections[2].subsections[0].heading == "Information we collect"


def test_non_breaking_spaces_are_plain_spaces():
    en = parse_policy(EN, "en")
    assert en.intro[1] == "This is an introduction about the scope of this policy."


def test_each_half_of_a_bilingual_file_is_read_by_its_locale():
    assert parse_policy(BILINGUAL, "zh-hans").sections[-1].heading == "如何联系我们"
    english = parse_policy(BILINGUAL, "en")
    assert english.sections[0].heading == "Basic rules"
    assert english.contact[-1] == "Phone: +86 21 1234 5678"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        (ZH, "no en text"),
        ("标题\n更新日期:2024年13月45日\n一、节\n内容", "Cannot read the date"),
        ("标题\n更新日期:2024年3月1日\n只有一段文字,没有任何标题。", "No section"),
        (
            "标题\n更新日期:2024年3月1日\n二、第二节\n文字。\n一、第一节\n文字。",
            "out of order",
        ),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(text, message):
    locale = "en" if message == "no en text" else "zh-hans"
    with pytest.raises(PolicyParseError, match=message):
        parse_policy(text, locale)


def test_chinese_numerals():
    assert [cjk_number(n) for n in ["一", "九", "十", "十二", "二十三"]] == [
        1,
        9,
        10,
        12,
        23,
    ]
