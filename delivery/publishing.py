"""What follows a page's publication, unpublication or deletion besides the
response cache (``delivery.cache_signals``): the CDN purge and the webhooks."""

from __future__ import annotations

import logging

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from cms.models import WebhookEvent

from .content_events import page_related
from .purge import page_api_purge
from .webhooks import webhook_deliveries_create

logger = logging.getLogger(__name__)


def is_specific(instance) -> bool:
    """Deleting a page sends ``post_delete`` for its specific row and its base
    ``Page`` row; act once, on the specific one."""
    return isinstance(instance, Page) and type(instance) is (
        instance.specific_class or Page
    )


def _announce(event: str, page: Page) -> None:
    """Purge and notify; a failure here is logged and never undoes the editor's
    action (a savepoint keeps the transaction usable on PostgreSQL)."""
    try:
        with transaction.atomic():
            page_api_purge(page=page, related=page_related(page)["api_urls"])
            webhook_deliveries_create(event=event, page=page)
    except Exception:
        logger.exception("Could not announce %s of page %s", event, page.pk)


def on_published(sender, instance, **kwargs):
    _announce(WebhookEvent.PUBLISHED, instance)


def on_unpublished(sender, instance, **kwargs):
    _announce(WebhookEvent.UNPUBLISHED, instance)


def on_deleted(sender, instance, **kwargs):
    if is_specific(instance):
        _announce(WebhookEvent.DELETED, instance)


def connect() -> None:
    page_published.connect(on_published, dispatch_uid="publishing_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="publishing_unpublished")
    post_delete.connect(on_deleted, dispatch_uid="publishing_deleted")
    from .content_events import KINDS, on_object_deleted, on_object_saved

    for label in KINDS:
        model = apps.get_model(label)
        post_save.connect(
            on_object_saved, sender=model, dispatch_uid=f"publishing_saved_{label}"
        )
        # Before the row goes: the pages that show it are still linked.
        pre_delete.connect(
            on_object_deleted, sender=model, dispatch_uid=f"publishing_deleted_{label}"
        )
