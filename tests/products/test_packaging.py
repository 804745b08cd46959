"""Package sizes: parsing what editors typed (the data migration and the
importer read lines with it), labels per language, the block's validation and
the migration's conversion of pages, revisions and stored sources."""

import importlib
import json
from decimal import Decimal

import pytest
from django.utils import translation
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError

from products.blocks import PackageSizeBlock
from products.models import ProductPage
from products.packaging import PackageSize, package_size_stream, parse_package_size

migration = importlib.import_module("products.migrations.0005_package_sizes_structured")


@pytest.mark.parametrize(
    ("line", "amount", "unit", "container", "count", "note"),
    [
        ("18L 桶", "18", "L", "drum", None, ""),
        ("200L", "200", "L", "", None, ""),
        ("4L×6", "4", "L", "case", 6, ""),
        ("4L x 6 瓶", "4", "L", "bottle", 6, ""),
        ("6×1L 瓶", "1", "L", "bottle", 6, ""),
        ("200 L drum", "200", "L", "drum", None, ""),
        ("208L 铁桶", "208", "L", "drum", None, ""),
        ("18L 提桶", "18", "L", "pail", None, ""),
        ("1000L IBC", "1000", "L", "ibc", None, ""),
        ("1,000 L tote", "1000", "L", "ibc", None, ""),
        ("吨桶 1000L", "1000", "L", "ibc", None, ""),
        ("0.4kg", "0.4", "kg", "", None, ""),
        ("15kg 桶装", "15", "kg", "drum", None, ""),
        ("400g支", "400", "g", "cartridge", None, ""),
        ("5 gal pail", "5", "gal", "pail", None, ""),
        ("500ml 瓶", "500", "mL", "bottle", None, ""),
        ("２０Ｌ 罐", "20", "L", "can", None, ""),
        ("散装", None, "", "bulk", None, ""),
        ("200L 桶（可定制）", "200", "L", "drum", None, "可定制"),
        ("按需定制", None, "", "", None, "按需定制"),
        ("about two drums", None, "", "drum", None, "about two"),
    ],
)
def test_typed_lines_become_structured_sizes(
    line, amount, unit, container, count, note
):
    size = parse_package_size(line)
    assert size == PackageSize(
        amount=Decimal(amount) if amount else None,
        unit=unit,
        container=container,
        count=count,
        note=note,
    )


def test_an_unparseable_line_is_kept_whole_as_the_note():
    line = "请联系销售 Contact sales"
    assert parse_package_size(line) == PackageSize(note=line)


@pytest.mark.parametrize(
    ("line", "zh", "en"),
    [
        ("18L 桶", "18 L 桶", "18 L drum"),
        ("4L×6", "4 L × 6 箱", "4 L × 6 case"),
        ("散装", "散装", "bulk"),
        ("1000L IBC", "1000 L IBC 吨桶", "1000 L IBC"),
        ("200L 桶（可定制）", "200 L 桶 (可定制)", "200 L drum (可定制)"),
    ],
)
def test_labels_are_in_the_active_language(line, zh, en):
    size = parse_package_size(line)
    with translation.override("zh-hans"):
        assert size.label == zh
    with translation.override("en"):
        assert size.label == en


def test_the_block_refuses_half_a_size_and_an_empty_one():
    block = PackageSizeBlock()
    for value, where in (
        ({"amount": Decimal("18"), "unit": ""}, "unit"),
        ({"unit": "L"}, "amount"),
    ):
        with pytest.raises(StructBlockValidationError) as refused:
            block.clean(block.to_python(value))
        assert where in refused.value.block_errors
    with pytest.raises(StructBlockValidationError) as empty:
        block.clean(block.to_python({}))
    assert empty.value.non_block_errors
    fine = block.clean(block.to_python({"container": "bulk"}))
    assert fine["container"] == "bulk"


def test_stream_ids_are_shared_by_translations_and_kept_for_unchanged_sizes():
    sizes = [parse_package_size("18L 桶"), parse_package_size("200L 桶")]
    source = package_size_stream(sizes, "key-1")
    assert source == package_size_stream(sizes, "key-1")  # deterministic
    assert source != package_size_stream(sizes, "key-2")
    # A size added in front: the existing sizes keep their ids.
    grown = package_size_stream([parse_package_size("4L"), *sizes], "key-1", source)
    assert [item["id"] for item in grown[1:]] == [item["id"] for item in source]


def test_the_migration_converts_text_revisions_and_sources_without_losing_lines():
    text = "18L 桶\n\n200L\n4L×6\n按需定制"
    stream = migration.stream_of(text, "tk")
    assert [item["value"] for item in stream] == [
        {"amount": "18", "unit": "L", "container": "drum", "count": None, "note": ""},
        {"amount": "200", "unit": "L", "container": "", "count": None, "note": ""},
        {"amount": "4", "unit": "L", "container": "case", "count": 6, "note": ""},
        {
            "amount": None,
            "unit": "",
            "container": "",
            "count": None,
            "note": "按需定制",
        },
    ]
    # The same lines of a translation get the same ids.
    assert stream == migration.stream_of(text, "tk")

    content = {"title": "x", "package_sizes": text, "translation_key": "tk"}
    assert migration._convert_serialized(content, "tk", forward=True)
    assert not migration._convert_serialized(content, "tk", forward=True)  # once
    loaded = ProductPage._meta.get_field("package_sizes").to_python(
        content["package_sizes"]
    )
    assert isinstance(loaded, StreamValue) and len(loaded) == 4
    assert json.loads(content["package_sizes"]) == stream

    back = dict(content)
    assert migration._convert_serialized(back, "tk", forward=False)
    assert back["package_sizes"].splitlines() == [
        "18L drum",
        "200L",
        "4L×6 case",
        "按需定制",
    ]
