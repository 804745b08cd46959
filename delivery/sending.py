"""Sending one webhook delivery: the signed POST, its outcome and the backoff.

``delivery.tasks.webhook_deliver`` calls ``webhook_delivery_attempt`` and enqueues
the retries; ``delivery.webhooks`` creates the deliveries and enqueues that task.
Kept apart from both so the task and the webhooks module do not import each other.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from datetime import timedelta

import httpx
from django.conf import settings
from django.utils import timezone

from cms.models import WebhookDelivery

# Tests swap in ``httpx.MockTransport``; None = real network.
TRANSPORT: httpx.BaseTransport | None = None
RETRY_STATUSES = {408, 425, 429}
MAX_BACKOFF = timedelta(hours=6)


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
