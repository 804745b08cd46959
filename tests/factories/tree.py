"""The page tree of CONTRACTS.md for tests: a home per locale (the English one a
translation of the Chinese), each with ``products`` and ``guides`` sections.

A stand-in for ``cms.services.site_tree_ensure()`` with the same result shape, so
API tests do not depend on the catalogue's importer.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.models import Locale, Page

from cms.models import HomePage
from products.models import GuideIndexPage, ProductIndexPage

from .catalogue import translate


@dataclass
class Tree:
    homes: dict[str, HomePage]
    products: dict[str, ProductIndexPage]
    guides: dict[str, GuideIndexPage]
    locales: dict[str, Locale]


def site_tree() -> Tree:
    zh = Locale.objects.get(language_code="zh-hans")
    en, _ = Locale.objects.get_or_create(language_code="en")
    home = HomePage.objects.get(locale=zh)
    products = ProductIndexPage(title="产品中心", slug="products", show_in_menus=True)
    home.add_child(instance=products)
    guides = GuideIndexPage(title="选油指南", slug="guides", show_in_menus=True)
    home.add_child(instance=guides)
    home_en = translate(home, en, title="Lubpur")
    products_en = translate(products, en, title="Products")
    guides_en = translate(guides, en, title="Guides")
    Page.objects.filter(pk=home.pk).update(live=True)
    return Tree(
        homes={"zh-hans": home, "en": home_en},
        products={"zh-hans": products, "en": products_en},
        guides={"zh-hans": guides, "en": guides_en},
        locales={"zh-hans": zh, "en": en},
    )
