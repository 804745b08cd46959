"""Where a page shows up: its API URLs and the listings that show it. Used by the
frontend-cache purge and the webhooks (frontend paths are ``core.pages``'s; API
URLs come from the URL names)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page

from core.pages import page_frontend_path

# Page type → (detail URL name, list URL name) of the API.
API_ROUTES = {
    "products.productpage": ("api-products-detail", "api-products-list"),
    "products.guidepage": ("api-guides-detail", "api-guides-list"),
    "legal.policypage": ("api-policy-detail", "api-policies"),
}
NAV_MAX_DEPTH = 3


def _label(page: Page) -> str:
    return (page.specific_class or type(page))._meta.label_lower


def api_urls(page: Page) -> list[str]:
    """The API paths whose response shows ``page`` (without query strings other
    than the locale, which is how frontends ask)."""
    language = page.locale.language_code
    locale_query = "?" + urlencode({"locale": language})
    urls = [
        reverse("api-pages-find") + "?" + urlencode({"path": page_frontend_path(page)})
    ]
    names = API_ROUTES.get(_label(page))
    if names:
        detail, listing = names
        try:
            detail_url = reverse(detail, kwargs={"slug": page.slug})
        except NoReverseMatch:
            detail_url = None
        list_url = reverse(listing)
        for url in filter(None, (detail_url, list_url)):
            urls += [url, url + locale_query]
    if page.depth <= NAV_MAX_DEPTH:
        site = reverse("api-site")
        urls += [site, site + locale_query]
    return urls


def listing_paths(page: Page) -> list[str]:
    """Frontend paths of the pages that list ``page``: its parent (a product or
    guide index) and, for sections, the home."""
    try:
        parent = page.get_parent()
    except Page.DoesNotExist:  # deleted together with the page
        return []
    if parent is None or parent.depth < 2:
        return []
    return [page_frontend_path(parent)]


def absolute(urls: list[str]) -> list[str]:
    base = settings.API_PUBLIC_URL.rstrip("/")
    return [base + url for url in urls]
