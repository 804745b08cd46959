"""Wagtail's frontend-cache purge (``wagtail.contrib.frontend_cache``) for the
API: when a page is published, unpublished or deleted, its API URLs
(``cms.page_urls.api_urls`` under ``API_PUBLIC_URL``) are purged from the CDN or
proxy configured in ``WAGTAILFRONTENDCACHE``. Nothing happens when that setting
is empty (the default)."""

from __future__ import annotations

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page

from cms.page_urls import absolute, api_urls


def page_api_purge(
    *, page: Page, related: list[str] | tuple[str, ...] = ()
) -> list[str]:
    if not settings.WAGTAILFRONTENDCACHE:
        return []
    urls = absolute(list(dict.fromkeys([*api_urls(page), *related])))
    purge_urls_from_cache(urls)
    return urls


def urls_purge(*, urls: list[str]) -> list[str]:
    """Purge these API paths (``/api/v1/…``) under ``API_PUBLIC_URL``."""
    if not settings.WAGTAILFRONTENDCACHE or not urls:
        return []
    found = absolute(list(dict.fromkeys(urls)))
    purge_urls_from_cache(found)
    return found
