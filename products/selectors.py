"""Reusable catalogue reads: the category tree."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from .models import ProductCategory


def category_with_descendants(*, category: ProductCategory) -> QuerySet:
    """The category and every category below it, in its language (one query)."""
    return ProductCategory.objects.filter(locale_id=category.locale_id).filter(
        Q(path=category.path) | Q(path__startswith=f"{category.path}/")
    )


def category_tree(*, locale_id: int) -> list[dict]:
    """The categories of a language as nested dicts ``{"category", "children"}``,
    siblings in ``sort_order`` then name order (one query)."""
    nodes = ProductCategory.objects.filter(locale_id=locale_id).order_by(
        "sort_order", "name"
    )
    by_parent: dict[int | None, list[ProductCategory]] = {}
    for node in nodes:
        by_parent.setdefault(node.parent_id, []).append(node)

    def branch(parent_id: int | None) -> list[dict]:
        return [
            {"category": node, "children": branch(node.pk)}
            for node in by_parent.get(parent_id, [])
        ]

    return branch(None)
