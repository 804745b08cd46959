"""Pages of any type: path lookups, redirects, typed page content, the sitemap
and the main navigation."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from .common import BreadcrumbSerializer, RenditionSerializer


class AlternateSerializer(serializers.Serializer):
    hreflang = serializers.CharField(help_text="Language code, e.g. en.")
    path = serializers.CharField(help_text="Frontend path in that language.")


class FoundPageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type: Any = serializers.CharField(
        help_text="Page model, e.g. products.ProductPage; category or brand "
        "for their frontend paths."
    )
    title = serializers.CharField()
    slug = serializers.CharField()
    locale = serializers.CharField()
    path = serializers.CharField(help_text="The canonical frontend path.")
    seo_title = serializers.CharField(allow_blank=True)
    search_description = serializers.CharField(allow_blank=True)
    alternates = AlternateSerializer(many=True, help_text="Other live locales.")
    canonical_url = serializers.CharField(help_text="FRONTEND_URL + path.")


class RedirectSerializer(serializers.Serializer):
    """An editors' redirect (Settings → Redirects) from the asked path: the
    frontend answers the visitor with ``status`` and ``location``."""

    type: Any = serializers.ChoiceField(choices=["redirect"])
    location = serializers.CharField(
        help_text="Frontend path of the target page, or the external URL."
    )
    url = serializers.CharField(help_text="Absolute URL of the target.")
    permanent = serializers.BooleanField()
    status = serializers.ChoiceField(
        choices=[301, 302], help_text="301 when permanent, else 302."
    )


class PageContentSerializer(serializers.Serializer):
    """What every page's content has; a page type without a shape of its own
    (today ``legal.PolicyPage``, read through ``/api/v1/policies/``) is this."""

    id = serializers.IntegerField()
    type: Any = serializers.CharField(help_text="Page model, e.g. cms.HomePage.")
    title = serializers.CharField()
    slug = serializers.CharField()
    locale = serializers.CharField()
    path = serializers.CharField(help_text="The canonical frontend path.")
    seo_title = serializers.CharField(allow_blank=True)
    search_description = serializers.CharField(allow_blank=True)
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)
    alternates = AlternateSerializer(many=True, help_text="Other live locales.")
    canonical_url = serializers.CharField(
        help_text="FRONTEND_URL + path: <link rel=canonical>."
    )
    og_image = RenditionSerializer(
        allow_null=True,
        help_text="og:image, 1200×630 around the focal point; null without image.",
    )
    breadcrumbs = BreadcrumbSerializer(
        many=True, help_text="From the home to this page (itself last)."
    )


class HomePageContentSerializer(PageContentSerializer):
    hero_title = serializers.CharField(
        help_text="The large heading (the page title when the editor left it empty)."
    )
    intro = serializers.CharField(
        allow_blank=True, help_text="HTML; internal links are frontend paths."
    )


class IndexPageContentSerializer(PageContentSerializer):
    """A section (products, guides): its introduction; the items come from
    ``/api/v1/products/`` and ``/api/v1/guides/``."""

    intro = serializers.CharField(
        allow_blank=True, help_text="HTML; internal links are frontend paths."
    )


class SitemapAlternateSerializer(serializers.Serializer):
    hreflang = serializers.CharField(
        help_text="Language code, or x-default (the source language's version)."
    )
    path = serializers.CharField()
    url = serializers.CharField(help_text="Absolute frontend URL.")


class SitemapEntrySerializer(serializers.Serializer):
    type: Any = serializers.CharField(
        help_text="Page model, or products.Brand / products.ProductCategory."
    )
    locale = serializers.CharField()
    path = serializers.CharField(help_text="Frontend path.")
    url = serializers.CharField(help_text="Absolute frontend URL.")
    last_modified = serializers.DateTimeField(
        allow_null=True, help_text="Last publish (null for brands and categories)."
    )
    alternates = SitemapAlternateSerializer(
        many=True, help_text="Every language version, itself included, and x-default."
    )


class SitemapSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    results = SitemapEntrySerializer(many=True)


class NavItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type: Any = serializers.CharField(
        help_text="Page model, e.g. products.ProductIndexPage."
    )
    title = serializers.CharField()
    slug = serializers.CharField()
    url = serializers.CharField(help_text="Frontend path.")
