"""``/api/v1/sitemap/`` (JSON) and ``/api/v1/sitemap.xml`` (for a frontend to
proxy as its own ``/sitemap.xml``): every live, public page in every language,
with its last publish and its language versions (hreflang alternates, and
``x-default`` for the source language's), and the brand and category pages.

Four queries whatever the size of the site (pages, view restrictions, brands,
categories); every URL is absolute on ``FRONTEND_URL``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from xml.sax.saxutils import quoteattr

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import get_page_models

from cms.selectors import sitemap_pages
from core.i18n import source_language
from core.pages import (
    brand_frontend_path,
    category_frontend_path,
    frontend_path,
    frontend_url,
)
from delivery import cache_tags as tags
from products.selectors import sitemap_taxonomy

from ...caching import CachedPublicView
from ...locales import requested_language
from ..paths import page_type
from ..serializers import SitemapSerializer

SITEMAP_LOCALE = OpenApiParameter(
    "locale",
    str,
    enum=["zh-hans", "en"],
    description="Only the entries in this language (their alternates still list "
    "every language). Without it: every language.",
)


def _entries(
    rows: list[tuple[Any, str, str, str, Any]],
) -> list[dict[str, Any]]:
    """Entries from ``(translation_key, type, language, path, last_modified)``
    rows, each with the alternates of its translation key."""
    versions: dict[Any, list[tuple[str, str]]] = defaultdict(list)
    for key, _type, language, path, _modified in rows:
        versions[key].append((language, path))
    source = source_language()
    entries = []
    for key, kind, language, path, modified in rows:
        alternates = [
            {"hreflang": lang, "path": alt, "url": frontend_url(alt)}
            for lang, alt in sorted(versions[key])
        ]
        default = next((a for a in alternates if a["hreflang"] == source), None)
        if default is not None:
            alternates.append({**default, "hreflang": "x-default"})
        entries.append(
            {
                "type": kind,
                "locale": language,
                "path": path,
                "url": frontend_url(path),
                "last_modified": modified,
                "alternates": alternates,
            }
        )
    return entries


def sitemap_entries(language: str | None) -> list[dict[str, Any]]:
    rows: list[tuple[Any, str, str, str, Any]] = []
    for page in sitemap_pages():
        lang = page.locale.language_code
        rows.append(
            (
                page.translation_key,
                page_type(page),
                lang,
                frontend_path(page.url_path, lang),
                page.last_published_at,
            )
        )
    brands, categories = sitemap_taxonomy()
    for brand in brands:
        path = brand_frontend_path(brand["language"], brand["slug"])
        rows.append(
            (brand["translation_key"], "products.Brand", brand["language"], path, None)
        )
    for category in categories:
        path = category_frontend_path(category["language"], category["path"])
        rows.append(
            (
                category["translation_key"],
                "products.ProductCategory",
                category["language"],
                path,
                None,
            )
        )
    entries = _entries(rows)
    if language is not None:
        entries = [entry for entry in entries if entry["locale"] == language]
    return entries


class SitemapMixin(CachedPublicView, APIView):
    permission_classes: list = []

    # Any publish anywhere (every page type's tag), any brand or category.
    @property
    def cache_tags(self) -> tuple[str, ...]:  # type: ignore[override]
        types = {f"type:{model._meta.label_lower}" for model in get_page_models()}
        return (tags.TREE, tags.BRANDS, tags.CATEGORIES, *sorted(types))

    def language(self, request: Request) -> str | None:
        return requested_language(request) if "locale" in request.GET else None


class SitemapView(SitemapMixin):
    """Every live page, brand and category page, in every language."""

    @extend_schema(
        summary="The sitemap as JSON",
        parameters=[SITEMAP_LOCALE],
        responses=SitemapSerializer,
        tags=["content"],
    )
    def get(self, request: Request) -> Response:
        entries = sitemap_entries(self.language(request))
        return Response(
            SitemapSerializer({"count": len(entries), "results": entries}).data
        )


class SitemapXmlView(SitemapMixin):
    """The same as a sitemaps.org ``urlset`` with ``xhtml:link`` alternates."""

    @extend_schema(
        summary="The sitemap as sitemap.xml",
        parameters=[SITEMAP_LOCALE],
        responses={
            (200, "application/xml"): OpenApiResponse(
                response=OpenApiTypes.STR,
                description="sitemaps.org urlset with hreflang alternates.",
            )
        },
        tags=["content"],
    )
    def get(self, request: Request) -> HttpResponse:
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        ]
        for entry in sitemap_entries(self.language(request)):
            lines.append(f"<url><loc>{_text(entry['url'])}</loc>")
            if entry["last_modified"] is not None:
                lines.append(f"<lastmod>{entry['last_modified'].isoformat()}</lastmod>")
            for alternate in entry["alternates"]:
                lines.append(
                    '<xhtml:link rel="alternate" hreflang={} href={}/>'.format(
                        quoteattr(alternate["hreflang"]), quoteattr(alternate["url"])
                    )
                )
            lines.append("</url>")
        lines.append("</urlset>")
        return HttpResponse(
            "\n".join(lines) + "\n", content_type="application/xml; charset=utf-8"
        )


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
