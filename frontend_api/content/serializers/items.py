"""List items: the product card and the guide card, reused by lists, details and
references (read serializers; they never query)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from products.models import BaseOil

from ..media import rendition
from ..paths import frontend_path
from .common import (
    BrandRefSerializer,
    CategoryRefSerializer,
    RenditionSerializer,
    TagSerializer,
)


class ProductListItemSerializer(serializers.Serializer):
    """A product card: what lists, search results and guide references show."""

    id = serializers.IntegerField()
    sku = serializers.CharField()
    title = serializers.CharField()
    slug = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="Frontend path.")
    locale = serializers.CharField(source="locale.language_code")
    brand = serializers.SerializerMethodField()
    categories = serializers.SerializerMethodField()
    viscosity_grade = serializers.CharField()
    base_oil = serializers.ChoiceField(choices=BaseOil.choices, allow_blank=True)
    summary = serializers.CharField()
    thumbnail = serializers.SerializerMethodField()
    is_favorite = serializers.SerializerMethodField(
        help_text="Whether the signed-in member saved it (in any language); "
        "always false for visitors."
    )

    def get_url(self, page) -> str:
        return frontend_path(page)

    def get_is_favorite(self, page) -> bool:
        return page.pk in self.context.get("favorite_ids", ())

    @extend_schema_field(BrandRefSerializer(allow_null=True))
    def get_brand(self, page):
        if page.brand is None:
            return None
        name = getattr(page, "brand_name", None) or page.brand.name
        return {"slug": page.brand.slug, "name": name}

    @extend_schema_field(CategoryRefSerializer(many=True))
    def get_categories(self, page):
        return [
            {
                "slug": getattr(link, "local_slug", None) or link.category.slug,
                "name": getattr(link, "local_name", None) or link.category.name,
                "path": getattr(link, "local_path", None) or link.category.path,
            }
            for link in page.category_links.all()
        ]

    @extend_schema_field(RenditionSerializer(allow_null=True))
    def get_thumbnail(self, page):
        return rendition(self.context.get("request"), page.main_image)


class GuideListItemSerializer(serializers.Serializer):
    """A guide card."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
    url = serializers.SerializerMethodField(help_text="Frontend path.")
    locale = serializers.CharField(source="locale.language_code")
    summary = serializers.CharField()
    date = serializers.DateField()
    tags = serializers.SerializerMethodField()
    thumbnail = serializers.SerializerMethodField()
    is_favorite = serializers.SerializerMethodField(
        help_text="Whether the signed-in member saved it (in any language); "
        "always false for visitors."
    )

    def get_url(self, page) -> str:
        return frontend_path(page)

    def get_is_favorite(self, page) -> bool:
        return page.pk in self.context.get("favorite_ids", ())

    @extend_schema_field(TagSerializer(many=True))
    def get_tags(self, page):
        return [
            {"slug": item.tag.slug, "name": item.tag.name}
            for item in page.tagged_items.all()
        ]

    @extend_schema_field(RenditionSerializer(allow_null=True))
    def get_thumbnail(self, page):
        return rendition(self.context.get("request"), page.cover_image)
