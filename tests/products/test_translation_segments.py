"""What wagtail-localize offers a translator on a product: the typical
properties' names, not their test methods, units and values (copied from the
source); multi-line text shown as lines in the editor, not as ``<br/>``."""

from __future__ import annotations

import html
import json
import re

import pytest
from django.contrib.auth.models import Group
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from products.models import ProductPage
from tests.factories import ProductPageFactory
from tests.factories.members import StaffFactory

pytestmark = pytest.mark.django_db

PROPERTIES = [
    {
        "type": "property",
        "value": {
            "property": "运动粘度 @40°C",
            "test_method": "GB/T 265",
            "unit": "mm²/s",
            "value": "46.2",
        },
    },
    {
        "type": "property",
        "value": {
            "property": "闪点（开口）",
            "test_method": "ASTM D92",
            "unit": "°C",
            "value": "230",
        },
    },
]


@pytest.fixture
def product(tree):
    page = ProductPageFactory(
        parent=tree.products["zh-hans"],
        sku="LP-HM46",
        title="抗磨液压油 L-HM 46",
        summary="适用于高压液压系统。\n也适用于中负荷齿轮箱。",
        typical_properties=PROPERTIES,
    )
    page.save_revision().publish()
    return page


def offered(page) -> set[str]:
    source, _created = TranslationSource.get_or_create_from_instance(page)
    return set(
        StringSegment.objects.filter(source=source).values_list(
            "string__data", flat=True
        )
    )


def test_property_names_are_offered_methods_units_values_are_not(product):
    strings = offered(product)
    assert {"运动粘度 @40°C", "闪点（开口）"} <= strings
    assert not strings & {"GB/T 265", "ASTM D92", "mm²/s", "°C", "46.2", "230"}


def test_the_translation_keeps_the_sources_methods_units_and_values(product, tree):
    source, _created = TranslationSource.get_or_create_from_instance(product)
    translation = Translation.objects.create(
        source=source, target_locale=tree.locales["en"]
    )
    segment = StringSegment.objects.get(source=source, string__data="运动粘度 @40°C")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=tree.locales["en"],
        context=segment.context,
        data="Kinematic viscosity @40°C",
    )
    translation.save_target(publish=True)
    english = ProductPage.objects.get(
        translation_key=product.translation_key, locale=tree.locales["en"]
    )
    rows = [block.value for block in english.typical_properties]
    assert rows[0]["property"] == "Kinematic viscosity @40°C"
    assert [(r["test_method"], r["unit"], r["value"]) for r in rows] == [
        ("GB/T 265", "mm²/s", "46.2"),
        ("ASTM D92", "°C", "230"),
    ]
    assert rows[1]["property"] == "闪点（开口）"  # untranslated: the source's


def test_multi_line_text_shows_as_lines_in_the_editor(client, product, tree):
    # wagtail-localize keeps the line break as a tag in the segment...
    assert "适用于高压液压系统。<br/>也适用于中负荷齿轮箱。" in offered(product)
    source, _created = TranslationSource.get_or_create_from_instance(product)
    translation = Translation.objects.create(
        source=source, target_locale=tree.locales["en"]
    )
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    user = StaffFactory()
    user.groups.add(Group.objects.get(name="Translators"))
    client.force_login(user)

    page = client.get(f"/admin/pages/{target.pk}/edit/")
    assert page.status_code == 200
    props = json.loads(
        html.unescape(re.search(r'data-props="([^"]*)"', page.text).group(1))
    )
    sources = [s["source"] for s in props["segments"] if s["type"] == "string"]
    # ...the editor shows it as a line
    assert "适用于高压液压系统。\n也适用于中负荷齿轮箱。" in sources
    assert not any("<br" in text for text in sources)
    assert "white-space: pre-line" in page.text
