"""Webhooks and CDN purge for everything else a frontend shows: brands,
categories, site settings, policy versions, images and documents.

Saving or deleting one of them sends ``<kind>.saved`` / ``<kind>.deleted``
(``cms.models.WebhookEvent``) to every endpoint that wants it, naming the object
and every place it shows: the API URLs (lists, filtered lists such as
``/api/v1/products/?category=<slug>``, details, ``/site/``) and the live pages
that show it (frontend paths with their own API URLs) — the products of a brand
or category, the products and guides showing an image, the products offering a
document. The same API URLs are purged from the CDN. Page events
(``delivery.webhooks``) add what a page changes besides itself: the category
listings of a product and the guides that recommend it (``page_related``).

An image or document no live page shows sends nothing. Snippets in one locale go
to endpoints that want that locale; site settings, images and documents, which
have no locale, to every endpoint.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any
from urllib.parse import urlencode

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from cms.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from cms.page_urls import api_urls
from core.pages import page_frontend_path

from .purge import urls_purge
from .tasks import webhook_deliver

logger = logging.getLogger(__name__)

# Model label → the event kind.
KINDS = {
    "products.brand": "brand",
    "products.productcategory": "category",
    "cms.sitesettings": "site_settings",
    "legal.policyversion": "policy",
    "cms.customimage": "image",
    "cms.customdocument": "document",
}


def _with_locales(url: str, languages: set[str]) -> list[str]:
    joiner = "&" if "?" in url else "?"
    return [url] + [
        url + joiner + urlencode({"locale": code}) for code in sorted(languages)
    ]


def _languages() -> set[str]:
    from wagtail.models import Locale

    return set(Locale.objects.values_list("language_code", flat=True))


def _pages_of(instance, kind: str) -> list[Page]:
    """The live pages that show ``instance``."""
    from products.models import GuidePage, ProductPage

    products = ProductPage.objects.live()
    if kind == "brand":
        found: list[Page] = list(products.filter(brand=instance))
    elif kind == "category":
        found = list(products.filter(category_links__category=instance).distinct())
    elif kind == "image":
        found = list(
            products.filter(main_image=instance)
            | products.filter(gallery_images__image=instance)
        )
        found += list(GuidePage.objects.live().filter(cover_image=instance))
    elif kind == "document":
        found = list(products.filter(documents__document=instance).distinct())
    elif kind == "policy":
        found = list(
            Page.objects.live().filter(translation_key=instance.policy.translation_key)
        )
    else:
        found = []
    unique = {page.pk: page for page in found}
    return [unique[pk] for pk in sorted(unique)]


def _object_api_urls(instance, kind: str, languages: set[str]) -> list[str]:
    if kind == "brand":
        brands = reverse("api-brands-list")
        return _with_locales(brands, languages) + [
            reverse("api-products-list")
            + "?"
            + urlencode(
                {"brand": instance.slug, "locale": instance.locale.language_code}
            )
        ]
    if kind == "category":
        return _with_locales(reverse("api-categories"), languages) + [
            reverse("api-products-list")
            + "?"
            + urlencode(
                {"category": instance.slug, "locale": instance.locale.language_code}
            )
        ]
    if kind == "site_settings":
        return _with_locales(reverse("api-site"), languages)
    if kind == "policy":
        slug = instance.policy.slug
        return (
            _with_locales(reverse("api-policies"), languages)
            + _with_locales(
                reverse("api-policy-detail", kwargs={"slug": slug}), languages
            )
            + _with_locales(
                reverse("api-policy-versions", kwargs={"slug": slug}), languages
            )
        )
    return []


def _page_entry(page: Page) -> dict[str, Any]:
    return {
        "id": page.pk,
        "type": (page.specific_class or type(page))._meta.label,
        "locale": page.locale.language_code,
        "path": page_frontend_path(page),
        "api_urls": api_urls(page),
    }


def object_event_payload(*, event: str, instance, kind: str) -> dict[str, Any]:
    languages = _languages()
    pages = [page.specific for page in _pages_of(instance, kind)]
    described: dict[str, Any] = {
        "type": instance._meta.label,
        "id": instance.pk,
        "str": str(instance),
    }
    if hasattr(instance, "translation_key"):
        described["translation_key"] = str(instance.translation_key)
        described["locale"] = instance.locale.language_code
    if hasattr(instance, "slug"):
        described["slug"] = instance.slug
    urls = _object_api_urls(instance, kind, languages)
    for page in pages:
        urls += [url for url in api_urls(page) if url not in urls]
    paths = [page_frontend_path(page) for page in pages]
    if kind == "site_settings":
        homes = Page.objects.live().filter(depth=2).select_related("locale")
        paths += [page_frontend_path(home) for home in homes]
    return {
        "event": event,
        "occurred_at": timezone.now().isoformat(),
        "object": described,
        "pages": [_page_entry(page) for page in pages],
        "api_urls": urls,
        "paths": sorted(set(paths)),
    }


def object_event_announce(*, event: str, instance) -> list[WebhookDelivery]:
    """Purge the CDN and queue a delivery per endpoint that wants ``event``."""
    kind = KINDS[instance._meta.label_lower]
    payload = object_event_payload(event=event, instance=instance, kind=kind)
    if kind in ("image", "document") and not payload["pages"]:
        return []
    urls_purge(urls=payload["api_urls"])
    language = payload["object"].get("locale")
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(active=True)
        if endpoint.wants(event, language)
    ]
    deliveries = [
        WebhookDelivery.objects.create(endpoint=endpoint, event=event, payload=payload)
        for endpoint in endpoints
    ]
    for delivery in deliveries:
        transaction.on_commit(partial(webhook_deliver.enqueue, delivery_id=delivery.pk))
    return deliveries


def page_related(page: Page) -> dict[str, list[str]]:
    """What a page's change shows in besides itself and its parent: a product's
    category listings and the guides that recommend it."""
    from products.models import GuidePage, ProductPage

    specific = page.specific
    if not isinstance(specific, ProductPage):
        return {"api_urls": [], "paths": []}
    language = page.locale.language_code
    products = reverse("api-products-list")
    urls = [
        products + "?" + urlencode({"category": link.category.slug, "locale": language})
        for link in specific.category_links.select_related("category")
    ]
    guides = GuidePage.objects.live().filter(product_links__product=specific).distinct()
    paths = []
    for guide in guides:
        urls += api_urls(guide)
        paths.append(page_frontend_path(guide))
    urls.append(
        reverse("api-guides-list")
        + "?"
        + urlencode({"product": page.slug, "locale": language})
    )
    return {"api_urls": urls, "paths": paths}


def _event(kind: str, deleted: bool) -> str:
    return f"{kind}.{'deleted' if deleted else 'saved'}"


def on_object_saved(sender, instance, **kwargs):
    _announce(instance, deleted=False)


def on_object_deleted(sender, instance, **kwargs):
    _announce(instance, deleted=True)


def _announce(instance, *, deleted: bool) -> None:
    kind = KINDS[instance._meta.label_lower]
    event = _event(kind, deleted)
    if event not in WebhookEvent.values:
        return
    try:
        with transaction.atomic():
            object_event_announce(event=event, instance=instance)
    except Exception:
        logger.exception("Could not announce %s of %s", event, instance.pk)
