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


def page_api_purge(*, page: Page) -> list[str]:
    if not settings.WAGTAILFRONTENDCACHE:
        return []
    urls = absolute(api_urls(page))
    purge_urls_from_cache(urls)
    return urls
