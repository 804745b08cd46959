"""The index follows publishing: every change that alters what search should find
schedules a refresh of the pages concerned, run when the transaction commits.

* a product or guide published (a translation too — it is a page of its own),
  unpublished, or moved (with everything below it);
* a view restriction added or removed (private pages are not searchable);
* a brand or category renamed or removed (products show their names);
* a deleted page's document goes with it (foreign-key cascade).
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from ..models import (
    Brand,
    GuidePage,
    ProductCategory,
    ProductCategoryLink,
    ProductPage,
)
from .services import search_index_schedule

INDEXED = (ProductPage, GuidePage)


def _page_changed(sender, instance, **kwargs) -> None:
    search_index_schedule(page_ids=[instance.pk])


def _subtree_changed(page: Page) -> None:
    ids = (
        Page.objects.descendant_of(page, inclusive=True)
        .type(*INDEXED)
        .values_list("pk", flat=True)
    )
    search_index_schedule(page_ids=ids)


def _page_moved(sender, instance, **kwargs) -> None:
    _subtree_changed(instance)


def _restriction_changed(sender, instance, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _subtree_changed(page)


def _brand_changed(sender, instance, **kwargs) -> None:
    ids = ProductPage.objects.filter(
        brand__translation_key=instance.translation_key
    ).values_list("pk", flat=True)
    search_index_schedule(page_ids=ids)


def _category_changed(sender, instance, **kwargs) -> None:
    # Category paths are the same in every language; children inherit the name.
    links = ProductCategoryLink.objects.filter(
        category__path__in=[instance.path]
    ) | ProductCategoryLink.objects.filter(
        category__path__startswith=f"{instance.path}/"
    )
    search_index_schedule(page_ids=links.values_list("page_id", flat=True))


def connect() -> None:
    for model in INDEXED:
        page_published.connect(
            _page_changed, sender=model, dispatch_uid=f"search-pub-{model.__name__}"
        )
        page_unpublished.connect(
            _page_changed, sender=model, dispatch_uid=f"search-unpub-{model.__name__}"
        )
    post_page_move.connect(_page_moved, dispatch_uid="search-move")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search-restriction-{id(signal)}",
        )
        signal.connect(
            _brand_changed, sender=Brand, dispatch_uid=f"search-brand-{id(signal)}"
        )
    # Before a category is deleted its links (deleted with it) still name the
    # products to refresh.
    for signal in (post_save, pre_delete):
        signal.connect(
            _category_changed,
            sender=ProductCategory,
            dispatch_uid=f"search-category-{id(signal)}",
        )
