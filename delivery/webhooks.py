"""Signed webhooks for frontends that pre-render pages.

On publish, unpublish and delete, every active ``WebhookEndpoint`` that wants
the event and the page's locale gets a ``WebhookDelivery``: a JSON POST naming
the page, its translations and the listings that show it (frontend paths and API
URLs), so a static or ISR frontend can rebuild exactly those.

Receivers verify ``X-Lubpur-Signature: sha256=<hex>``, the HMAC-SHA256 of
``"<X-Lubpur-Timestamp>." + body`` under the endpoint's secret, and should reject
old timestamps (replays). Deliveries are sent by a background task
(``delivery.tasks.webhook_deliver``) and retried with exponential backoff on network
errors, 408, 429 and 5xx; other 4xx answers fail at once (``delivery.sending``).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from cms.models import WebhookDelivery, WebhookEndpoint
from cms.page_urls import api_urls, listing_paths
from core.pages import page_frontend_path

from .tasks import webhook_deliver


def page_event_payload(*, event: str, page: Page) -> dict[str, Any]:
    """What a frontend needs to rebuild after ``event`` on ``page``."""
    from .content_events import page_related

    language = page.locale.language_code
    related = page_related(page)
    translations = (
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .select_related("locale")
        .order_by("locale_id")
    )
    return {
        "event": event,
        "occurred_at": timezone.now().isoformat(),
        "page": {
            "id": page.pk,
            "type": (page.specific_class or type(page))._meta.label,
            "locale": language,
            "slug": page.slug,
            "title": page.title,
            "path": page_frontend_path(page),
            "translation_key": str(page.translation_key),
            "api_urls": api_urls(page),
        },
        "translations": [
            {
                "id": other.pk,
                "locale": other.locale.language_code,
                "path": page_frontend_path(other),
                "live": other.live,
            }
            for other in translations
        ],
        "listings": listing_paths(page) + related["paths"],
        "related_api_urls": related["api_urls"],
    }


def webhook_deliveries_create(*, event: str, page: Page) -> list[WebhookDelivery]:
    """A delivery per endpoint that wants ``event`` in the page's locale, each
    sent by a task once the transaction commits."""
    language = page.locale.language_code
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(active=True)
        if endpoint.wants(event, language)
    ]
    if not endpoints:
        return []
    payload = page_event_payload(event=event, page=page)
    deliveries = [
        WebhookDelivery.objects.create(endpoint=endpoint, event=event, payload=payload)
        for endpoint in endpoints
    ]
    for delivery in deliveries:
        transaction.on_commit(partial(webhook_deliver.enqueue, delivery_id=delivery.pk))
    return deliveries
