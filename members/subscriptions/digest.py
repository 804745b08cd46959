"""The subscription digest: each confirmed subscriber gets the products and
guides first published since their last digest, for their topics, in their
language — never twice.

Run it with ``manage.py send_digest`` (cron / a systemd timer) or enqueue
``members.subscriptions.tasks.digest_send_task`` (see the README). Each subscriber is
handled in its own transaction holding a row lock (``SKIP LOCKED`` on PostgreSQL, so two
overlapping runs split the work instead of doubling it): the ``DigestDelivery``
row and the new ``last_digest_at`` commit together, and the e-mail is queued on
commit — at most once per window ``(last digest, now]``.

Open and click tracking (a pixel, rewritten links) is added only while the
subscriber allows ``email_tracking``; hits are recorded only if they still do.
``special_offers`` has no published content type yet: it is for campaigns
staff send, not for the digest.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.core import signing
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from core.pages import page_frontend_url
from members.mail import mail_language, mail_queue
from products.models import GuidePage, ProductPage

from .models import DigestDelivery, Subscription, SubscriptionStatus, SubscriptionTopic
from .services import (
    TOPIC_LABELS,
    subscription_links,
    subscription_tracking_allowed,
    unsubscribe_headers,
)

TRACK_SALT = "members.digest.track"
MAX_ITEMS = 30
TOPIC_MODELS: dict[str, type[ProductPage] | type[GuidePage]] = {
    SubscriptionTopic.NEW_PRODUCTS: ProductPage,
    SubscriptionTopic.GUIDES_TIPS: GuidePage,
}


def digest_pages(
    *, topics: list[str], language: str, since: datetime, until: datetime
) -> dict[str, list[Page]]:
    """topic → live, public pages in ``language`` first published in the window."""
    found = {}
    for topic in topics:
        model = TOPIC_MODELS.get(topic)
        if model is None:
            continue
        pages = list(
            model.objects.live()
            .public()
            .filter(
                locale__language_code=language,
                first_published_at__gt=since,
                first_published_at__lte=until,
            )
            .select_related("locale")
            .order_by("first_published_at", "pk")[:MAX_ITEMS]
        )
        if pages:
            found[topic] = pages
    return found


def digest_send_all(*, now: datetime | None = None) -> int:
    """Every confirmed subscriber's digest; returns how many were mailed."""
    now = now or timezone.now()
    ids = Subscription.objects.filter(status=SubscriptionStatus.CONFIRMED)
    sent = 0
    for pk in ids.order_by("pk").values_list("pk", flat=True).iterator():
        if digest_send_one(subscription_id=pk, now=now) is not None:
            sent += 1
    return sent


def _locked(subscription_id: int) -> Subscription | None:
    rows = Subscription.objects.filter(
        pk=subscription_id, status=SubscriptionStatus.CONFIRMED
    )
    skip = connection.features.has_select_for_update_skip_locked
    return rows.select_for_update(skip_locked=skip).first()


def digest_send_one(
    *, subscription_id: int, now: datetime | None = None
) -> DigestDelivery | None:
    """One subscriber's digest, or None when there is nothing new (or another
    run holds the subscriber)."""
    now = now or timezone.now()
    with transaction.atomic():
        sub = _locked(subscription_id)
        if sub is None:
            return None
        since = sub.last_digest_at or sub.confirmed_at
        if since is None or since >= now:
            return None
        language = mail_language(sub.locale)
        pages = digest_pages(
            topics=sub.topics, language=language, since=since, until=now
        )
        if not pages:
            return None
        delivery = DigestDelivery.objects.create(
            subscription=sub,
            sent_at=now,
            window_start=since,
            item_count=sum(len(found) for found in pages.values()),
            page_ids=[page.pk for found in pages.values() for page in found],
            tracked=subscription_tracking_allowed(sub=sub),
        )
        sub.last_digest_at = now
        sub.save(update_fields=["last_digest_at"])
        _mail(sub, delivery, pages, language)
    return delivery


def _mail(sub, delivery, pages, language) -> None:
    labels = TOPIC_LABELS.get(language, TOPIC_LABELS["en"])
    token = track_token(delivery)
    sections = [
        {
            "label": labels[topic],
            "items": [
                {
                    "title": page.title,
                    "summary": getattr(page, "summary", ""),
                    "url": page_frontend_url(page),
                    "href": _href(page_frontend_url(page), token, delivery.tracked),
                }
                for page in found
            ],
        }
        for topic, found in pages.items()
    ]
    pixel = f"{settings.API_BASE_URL}/api/v1/subscriptions/t/open/{token}.gif"
    mail_queue(
        to=sub.email,
        template=f"subscription/{language}/digest",
        context={
            "sections": sections,
            "pixel_url": pixel if delivery.tracked else "",
            **subscription_links(sub),
        },
        language=language,
        html=True,
        headers=unsubscribe_headers(sub),
        user=sub.user,
    )


# --- tracking --------------------------------------------------------------------


def track_token(delivery: DigestDelivery) -> str:
    return signing.TimestampSigner(salt=TRACK_SALT).sign(str(delivery.pk))


def _href(url: str, token: str, tracked: bool) -> str:
    if not tracked:
        return url
    return (
        f"{settings.API_BASE_URL}/api/v1/subscriptions/t/click/{token}"
        f"?u={quote(url, safe='')}"
    )


def click_target_allowed(url: str) -> bool:
    """Only http(s) URLs on an ``EMAIL_LINK_ALLOWED_ORIGINS`` origin (no open
    redirect: no other host, scheme, user info or protocol-relative trick)."""
    try:
        parts = urlsplit(url or "")
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not parts.netloc or "@" in parts.netloc:
        return False
    if "\\" in url or any(ord(char) < 32 for char in url):
        return False
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    allowed = {o.rstrip("/").lower() for o in settings.EMAIL_LINK_ALLOWED_ORIGINS}
    return origin in allowed


def _tracked_delivery(token: str) -> DigestDelivery | None:
    """The delivery a valid token names, if it may still be tracked."""
    try:
        pk = int(
            signing.TimestampSigner(salt=TRACK_SALT).unsign(
                token or "", max_age=settings.SUBSCRIPTION_LINK_MAX_AGE
            )
        )
    except (signing.BadSignature, ValueError):
        return None
    delivery = (
        DigestDelivery.objects.select_related("subscription__user")
        .filter(pk=pk, tracked=True)
        .first()
    )
    if delivery is None:
        return None
    sub = delivery.subscription
    if sub.status != SubscriptionStatus.CONFIRMED:
        return None
    return delivery if subscription_tracking_allowed(sub=sub) else None


def digest_open_record(*, token: str) -> bool:
    """The pixel was loaded: remember the first time (only with consent)."""
    delivery = _tracked_delivery(token)
    if delivery is None:
        return False
    DigestDelivery.objects.filter(pk=delivery.pk, opened_at__isnull=True).update(
        opened_at=timezone.now()
    )
    return True


def digest_click_record(*, token: str) -> bool:
    """A rewritten link was followed (only with consent); a click implies an open."""
    delivery = _tracked_delivery(token)
    if delivery is None:
        return False
    now = timezone.now()
    rows = DigestDelivery.objects.filter(pk=delivery.pk)
    rows.update(click_count=F("click_count") + 1)
    rows.filter(clicked_at__isnull=True).update(clicked_at=now)
    rows.filter(opened_at__isnull=True).update(opened_at=now)
    return True
