"""Published product and guide pages, built directly in the page tree (faster than
the importer; enough for tests of what members do with them)."""

from __future__ import annotations

import datetime

from django.utils.text import slugify
from wagtail.models import Page

from products.models import GuidePage, ProductPage

from .tree import Tree


def section(tree: Tree, language: str, slug: str) -> Page:
    return tree.homes[language].get_children().get(slug=slug)


def product_page(tree: Tree, sku: str, *, title: str = "", **fields) -> ProductPage:
    """A live zh-hans product under the products section."""
    parent = section(tree, "zh-hans", "products")
    page = ProductPage(
        title=title or f"超润液压油 {sku}",
        slug=slugify(sku),
        sku=sku,
        summary=fields.pop("summary", f"{sku} 的简介。"),
        locale=parent.locale,
        **fields,
    )
    parent.add_child(instance=page)
    return page


def guide_page(tree: Tree, slug: str, *, title: str = "", **fields) -> GuidePage:
    parent = section(tree, "zh-hans", "guides")
    page = GuidePage(
        title=title or f"选油指南 {slug}",
        slug=slug,
        summary=fields.pop("summary", "怎样选油。"),
        date=datetime.date(2026, 3, 1),
        locale=parent.locale,
        **fields,
    )
    parent.add_child(instance=page)
    return page


def translate(page: Page, tree: Tree, *, title: str, summary: str) -> Page:
    """The page's live English version."""
    copy = page.specific.copy_for_translation(tree.homes["en"].locale)
    copy.title = copy.draft_title = title
    copy.summary = summary
    copy.live = True
    copy.save()
    return copy
