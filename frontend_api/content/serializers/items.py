"""List items: the product card and the guide card, reused by lists, details and
references (read serializers; they never query)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.pages import frontend_path, page_frontend_path
from products.models import BaseOil, package_size_data

from ..media import absolute_url, rendition
from .common import (
    BrandRefSerializer,
    CategoryRefSerializer,
    PackageSizeSerializer,
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
    package_sizes = serializers.SerializerMethodField(
        help_text="Structured, labelled in the request's language; a procurement "
        "item names one by its `id`."
    )
    is_favorite = serializers.SerializerMethodField(
        help_text="Whether the signed-in member saved it (in any language); "
        "always false for visitors."
    )

    def get_url(self, page) -> str:
        return page_frontend_path(page)

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

    @extend_schema_field(PackageSizeSerializer(many=True))
    def get_package_sizes(self, page):
        return page.package_size_data(page.locale.language_code)


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
        return page_frontend_path(page)

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


def product_cards(request, rows, *, categories, thumbnails, favorites) -> list[dict]:
    """``ProductListItemSerializer``'s output built straight from the listing's
    rows (``products.selectors.product_card_values``): the same keys in the same
    order, without a serializer field per value (the list's hot path)."""
    cards = []
    for row in rows:
        thumbnail = thumbnails.get(row["main_image_id"])
        cards.append(
            {
                "id": row["id"],
                "sku": row["sku"],
                "title": row["title"],
                "slug": row["slug"],
                "url": frontend_path(row["url_path"], row["language"]),
                "locale": row["language"],
                "brand": (
                    {"slug": row["brand_slug"], "name": row["brand_name"]}
                    if row["brand_slug"] is not None
                    else None
                ),
                "categories": [
                    {"slug": ref["slug"], "name": ref["name"], "path": ref["path"]}
                    for ref in categories.get(row["id"], ())
                ],
                "viscosity_grade": row["viscosity_grade"],
                "base_oil": row["base_oil"],
                "summary": row["summary"],
                "thumbnail": (
                    {
                        "id": row["main_image_id"],
                        **thumbnail,
                        "url": absolute_url(request, thumbnail["url"]),
                    }
                    if thumbnail
                    else None
                ),
                "package_sizes": package_size_data(
                    row["package_sizes"], row["language"]
                ),
                "is_favorite": row["id"] in favorites,
            }
        )
    return cards


def guide_cards(request, guides, *, tags, images, favorites) -> list[dict]:
    """``GuideListItemSerializer``'s output for guides fetched with their locale
    (``tags``: ``{guide id: [{slug, name}]}``, ``images``: ``ImageData`` by id
    with the thumbnail rendition)."""
    return [
        {
            "id": guide.pk,
            "title": guide.title,
            "slug": guide.slug,
            "url": page_frontend_path(guide),
            "locale": guide.locale.language_code,
            "summary": guide.summary,
            "date": guide.date.isoformat() if guide.date else None,
            "tags": tags.get(guide.pk, []),
            "thumbnail": rendition(request, images.get(guide.cover_image_id)),
            "is_favorite": guide.pk in favorites,
        }
        for guide in guides
    ]
