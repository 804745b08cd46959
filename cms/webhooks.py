"""Signed webhooks for frontends that pre-render pages.

On publish, unpublish and delete, every active ``WebhookEndpoint`` that wants
the event and the page's locale gets a ``WebhookDelivery``: a JSON POST naming
the page, its translations and the listings that show it (frontend paths and API
URLs), so a static or ISR frontend can rebuild exactly those.

Receivers verify ``X-Lubpur-Signature: sha256=<hex>``, the HMAC-SHA256 of
``"<X-Lubpur-Timestamp>." + body`` under the endpoint's secret, and should reject
old timestamps (replays). Deliveries are sent by a background task
(``cms.tasks.webhook_deliver``) and retried with exponential backoff on network
errors, 408, 429 and 5xx; other 4xx answers fail at once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from datetime import timedelta
from typing import Any

import httpx
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from core.pages import page_frontend_path

from .models import WebhookDelivery, WebhookEndpoint
from .page_urls import api_urls, listing_paths

logger = logging.getLogger(__name__)

# Tests swap in ``httpx.MockTransport``; None = real network.
TRANSPORT: httpx.BaseTransport | None = None
RETRY_STATUSES = {408, 425, 429}
MAX_BACKOFF = timedelta(hours=6)


def page_event_payload(*, event: str, page: Page) -> dict[str, Any]:
    """What a frontend needs to rebuild after ``event`` on ``page``."""
    language = page.locale.language_code
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
        "listings": listing_paths(page),
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
    from .tasks import webhook_deliver

    for delivery in deliveries:
        transaction.on_commit(
            lambda pk=delivery.pk: webhook_deliver.enqueue(delivery_id=pk)
        )
    return deliveries


def signature(*, secret: str, timestamp: int, body: bytes) -> str:
    message = str(timestamp).encode() + b"." + body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def webhook_delivery_attempt(*, delivery: WebhookDelivery) -> bool:
    """POST the delivery once and record the outcome; True when another attempt
    should follow (``next_attempt_at`` says when)."""
    endpoint = delivery.endpoint
    body = json.dumps(delivery.payload, ensure_ascii=False, sort_keys=True).encode()
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Lubpur-Webhooks/1",
        "X-Lubpur-Event": delivery.event,
        "X-Lubpur-Delivery": str(delivery.pk),
        "X-Lubpur-Timestamp": str(timestamp),
        "X-Lubpur-Signature": signature(
            secret=endpoint.secret, timestamp=timestamp, body=body
        ),
    }
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_attempt_at = now
    retry = False
    try:
        with httpx.Client(
            transport=TRANSPORT, timeout=settings.WEBHOOK_TIMEOUT_SECONDS
        ) as client:
            response = client.post(endpoint.url, content=body, headers=headers)
    except httpx.HTTPError as error:
        delivery.response_code = None
        delivery.last_error = f"{type(error).__name__}: {error}"[:2000]
        retry = True
    else:
        delivery.response_code = response.status_code
        if response.is_success:
            delivery.status = WebhookDelivery.Status.DELIVERED
            delivery.delivered_at = now
            delivery.last_error = ""
            delivery.next_attempt_at = None
        else:
            delivery.last_error = f"HTTP {response.status_code}: {response.text[:500]}"
            retry = (
                response.status_code >= 500 or response.status_code in RETRY_STATUSES
            )
            if not retry:
                delivery.status = WebhookDelivery.Status.FAILED
    if retry:
        if delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
            delivery.status = WebhookDelivery.Status.FAILED
            delivery.next_attempt_at = None
            retry = False
        else:
            delivery.status = WebhookDelivery.Status.RETRYING
            delivery.next_attempt_at = now + backoff(delivery.attempts)
    delivery.save()
    return retry


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min, 4 min … (``WEBHOOK_RETRY_BASE_SECONDS``), at most 6 h."""
    delay = timedelta(seconds=settings.WEBHOOK_RETRY_BASE_SECONDS * 2 ** (attempts - 1))
    return min(delay, MAX_BACKOFF)
