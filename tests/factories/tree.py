"""The page tree of docs/architecture.md for tests, made by the real
``cms.services.site_tree_ensure()``: a home per locale (the English one a
translation of the Chinese), each with ``products`` and ``guides`` sections, both
shown in menus."""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.models import Locale, Page

from cms.models import HomePage
from cms.services import site_tree_ensure
from products.models import GuideIndexPage, ProductIndexPage


@dataclass
class Tree:
    homes: dict[str, HomePage]
    products: dict[str, ProductIndexPage]
    guides: dict[str, GuideIndexPage]
    locales: dict[str, Locale]


def site_tree() -> Tree:
    homes = site_tree_ensure()
    sections = Page.objects.filter(depth=3, slug__in=["products", "guides"])
    sections.update(show_in_menus=True)
    return Tree(
        homes=homes,
        products={
            code: ProductIndexPage.objects.child_of(home).get()
            for code, home in homes.items()
        },
        guides={
            code: GuideIndexPage.objects.child_of(home).get()
            for code, home in homes.items()
        },
        locales={code: home.locale for code, home in homes.items()},
    )
