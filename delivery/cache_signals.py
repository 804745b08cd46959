"""Invalidate cached API responses when content changes (``core.cache``; the tag
names are in ``delivery.cache_tags``).

Pages: publishing, unpublishing, deleting or moving a page invalidates the page
and its translations (``page:``, ``tk:``), the listings of its type in its locale
(``type:<model>:<locale>``), the navigation when it sits right below a home, and
every path (``tree``) when pages below it change their URLs. Snippets and media:
saving or deleting one invalidates the entries that show it. Saving a draft
invalidates nothing: the API serves published content only.
"""

from __future__ import annotations

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.cache import invalidate

from .cache_tags import page_tags, snippet_tags
from .publishing import is_specific

# Non-page models the API shows; saving or deleting one invalidates its tags.
SHOWN_MODELS = [
    "products.Brand",
    "products.ProductCategory",
    "cms.SiteSettings",
    "cms.CustomImage",
    "cms.CustomDocument",
    "legal.PolicyVersion",
    "legal.PolicyVersionText",
    "wagtailredirects.Redirect",  # /api/v1/pages/find/ answers redirects
]


def on_page_changed(sender, instance, **kwargs):
    invalidate(*page_tags(instance))


def on_page_deleted(sender, instance, **kwargs):
    if is_specific(instance):
        invalidate(*page_tags(instance))


def on_page_moved(sender, instance, **kwargs):
    invalidate(*page_tags(instance))


def on_snippet_changed(sender, instance, **kwargs):
    invalidate(*snippet_tags(instance))


def connect() -> None:
    page_published.connect(on_page_changed, dispatch_uid="cache_page_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="cache_page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="cache_page_moved")
    post_delete.connect(on_page_deleted, dispatch_uid="cache_page_deleted")
    for label in SHOWN_MODELS:
        model = apps.get_model(label)
        for signal in (post_save, post_delete):
            signal.connect(
                on_snippet_changed,
                sender=model,
                dispatch_uid=f"cache_{signal is post_save}_{label}",
            )
