"""Catalogue models: SKU uniqueness per locale, the category tree, reading time."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from products.models import GuidePage, ProductCategory, ProductPage
from products.services import (
    ProductData,
    category_create,
    locale_for,
    product_create,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def zh_products(tree):
    return tree.homes["zh-hans"].get_children().get(slug="products").specific


def test_a_second_product_with_the_same_sku_in_one_locale_is_invalid(zh_products):
    zh = zh_products.locale
    category = category_create(name="液压油", slug="hydraulic", locale=zh)
    product_create(
        parent=zh_products,
        data=ProductData(sku="LP-1", title="一号", categories=[category]),
    )
    twin = ProductPage(title="二号", slug="lp-1-b", sku="LP-1", locale=zh)

    with pytest.raises(ValidationError) as caught:
        twin.clean()

    assert "sku" in caught.value.message_dict


def test_the_translation_of_a_product_may_share_its_sku(zh_products, tree):
    zh = zh_products.locale
    category = category_create(name="液压油", slug="hydraulic", locale=zh)
    source = product_create(
        parent=zh_products,
        data=ProductData(sku="LP-1", title="一号", categories=[category]),
    )
    translation = source.copy_for_translation(tree.homes["en"].locale)

    translation.clean()  # no error: same translation_key

    assert translation.sku == "LP-1"


def test_a_category_path_follows_its_parents_and_moves_with_them(locales):
    zh = locales["zh-hans"]
    engine = category_create(name="发动机油", slug="engine-oils", locale=zh)
    diesel = category_create(name="柴油机油", slug="diesel", locale=zh, parent=engine)
    assert diesel.path == "engine-oils/diesel"

    engine.slug = "motor-oils"
    engine.save()

    diesel.refresh_from_db()
    assert diesel.path == "motor-oils/diesel"
    assert list(ProductCategory.objects.filter(path__startswith="motor-oils")) == [
        engine,
        diesel,
    ]


def test_a_category_cannot_be_its_own_ancestor_or_have_a_foreign_parent(locales):
    top = category_create(name="工业油", slug="industrial", locale=locales["zh-hans"])
    child = category_create(
        name="液压油", slug="hydraulic", locale=locales["zh-hans"], parent=top
    )
    top.parent = child
    with pytest.raises(ValidationError):
        top.full_clean()

    english = ProductCategory(name="Gear", slug="g", locale=locales["en"], parent=top)
    with pytest.raises(ValidationError) as caught:
        english.full_clean(exclude=["path"])
    assert "parent" in caught.value.message_dict


def _guide(text: str, summary: str = "") -> GuidePage:
    return GuidePage(
        title="g",
        date=datetime.date(2026, 1, 1),
        summary=summary,
        locale=locale_for("zh-hans"),
        body=[("rich_text", f"<p>{text}</p>")],
    )


def test_reading_time_counts_chinese_characters_and_english_words(db):
    assert _guide("润" * 400).reading_time == 1
    assert _guide("润" * 401).reading_time == 2
    assert _guide(" ".join(["oil"] * 660)).reading_time == 3
    assert _guide("").reading_time == 1
