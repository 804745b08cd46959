"""Catalogue services: snippets in every language, product writes without churn."""

import pytest

from products.models import Brand, ProductCategory
from products.services import (
    ProductData,
    brand_ensure,
    category_path_ensure,
    product_create,
    product_translation_save,
    product_update,
)

pytestmark = pytest.mark.django_db


def test_brand_ensure_finds_the_same_brand_by_either_name(tree):
    first = brand_ensure(names={"zh-hans": "美孚", "en": "Mobil"})

    by_english = brand_ensure(names={"en": "Mobil"})
    by_chinese = brand_ensure(names={"zh-hans": "美孚"})

    assert by_english == by_chinese == first
    assert Brand.objects.count() == 2
    assert first["en"].slug == first["zh-hans"].slug == "mobil"


def test_a_category_made_without_an_english_name_takes_it_when_one_arrives(tree):
    made = category_path_ensure(levels=[{"zh-hans": "润滑脂"}])
    assert made["en"].name == "润滑脂"  # a placeholder until someone names it

    named = category_path_ensure(levels=[{"zh-hans": "润滑脂", "en": "Greases"}])

    assert named["en"].pk == made["en"].pk
    assert ProductCategory.objects.get(pk=made["en"].pk).name == "Greases"
    assert ProductCategory.objects.get(pk=made["zh-hans"].pk).name == "润滑脂"


def test_nested_category_translations_sit_under_the_translated_parent(tree):
    leaf = category_path_ensure(
        levels=[
            {"zh-hans": "发动机油", "en": "Engine oils"},
            {"zh-hans": "柴油机油", "en": "Diesel engine oils"},
        ]
    )

    assert leaf["en"].parent.locale.language_code == "en"
    assert leaf["en"].parent.translation_key == leaf["zh-hans"].parent.translation_key
    assert leaf["en"].path == "engine-oils/diesel-engine-oils"


def _data(sku="S-1", **extra):
    category = category_path_ensure(levels=[{"zh-hans": "齿轮油", "en": "Gear oils"}])
    values = {"sku": sku, "title": "齿轮油", "categories": [category["zh-hans"]]}
    return ProductData(**{**values, **extra})


def test_product_update_without_changes_saves_no_revision(tree):
    parent = tree.homes["zh-hans"].get_children().get(slug="products").specific
    page = product_create(parent=parent, data=_data())
    revisions = page.revisions.count()

    assert product_update(page=page, data=_data()) is False
    assert page.revisions.count() == revisions
    assert product_update(page=page, data=_data(summary="new")) is True
    assert page.revisions.count() == revisions + 1


def test_a_translation_keeps_the_translation_key_and_lives_in_the_english_tree(
    tree,
):
    parent = tree.homes["zh-hans"].get_children().get(slug="products").specific
    source = product_create(parent=parent, data=_data())
    en_locale = tree.homes["en"].locale

    page, changed = product_translation_save(
        source=source, locale=en_locale, data=_data(title="Gear oil")
    )

    assert changed and page.locale == en_locale
    assert page.translation_key == source.translation_key
    assert page.get_parent().get_parent().pk == tree.homes["en"].pk
