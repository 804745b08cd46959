"""Pages of any type: path lookups and the main navigation."""

from __future__ import annotations

from rest_framework import serializers


class AlternateSerializer(serializers.Serializer):
    hreflang = serializers.CharField(help_text="Language code, e.g. en.")
    path = serializers.CharField(help_text="Frontend path in that language.")


class FoundPageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.CharField(help_text="Page model, e.g. products.ProductPage.")
    title = serializers.CharField()
    slug = serializers.CharField()
    locale = serializers.CharField()
    path = serializers.CharField(help_text="The canonical frontend path.")
    seo_title = serializers.CharField(allow_blank=True)
    search_description = serializers.CharField(allow_blank=True)
    alternates = AlternateSerializer(many=True, help_text="Other live locales.")


class NavItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.CharField(
        help_text="Page model, e.g. products.ProductIndexPage."
    )
    title = serializers.CharField()
    slug = serializers.CharField()
    url = serializers.CharField(help_text="Frontend path.")
