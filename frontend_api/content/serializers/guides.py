"""Guide detail, its body as a discriminated union of typed blocks."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from ..media import image_set
from .common import (
    BreadcrumbSerializer,
    ImageSetSerializer,
    RenditionSerializer,
    TranslationSerializer,
)
from .items import GuideListItemSerializer, ProductListItemSerializer


def _block(name: str, value_serializer: serializers.Serializer, doc: str):
    """A ``{type, id, value}`` block serializer for the union."""
    attrs = {
        "__doc__": doc,
        "type": serializers.ChoiceField(choices=[name]),
        "id": serializers.CharField(help_text="Stable id of the block."),
        "value": value_serializer,
    }
    class_name = "".join(part.title() for part in name.split("_")) + "BlockSerializer"
    return type(class_name, (serializers.Serializer,), attrs)


class RichTextValueSerializer(serializers.Serializer):
    html = serializers.CharField(help_text="HTML; internal links are frontend paths.")


# A field named like a Field or Serializer attribute (label, fields, errors,
# style) is typed Any: DRF's metaclass takes declared fields off the class, so
# nothing is shadowed, but the stubs cannot know that.
class CalloutValueSerializer(serializers.Serializer):
    style: Any = serializers.ChoiceField(choices=["tip", "warning", "note"])
    title = serializers.CharField(allow_blank=True)
    html = serializers.CharField()


class TableValueSerializer(serializers.Serializer):
    caption = serializers.CharField(allow_blank=True)
    first_row_is_header = serializers.BooleanField()
    first_col_is_header = serializers.BooleanField()
    rows = serializers.ListField(
        child=serializers.ListField(child=serializers.CharField(allow_null=True))
    )


class ProductReferenceValueSerializer(serializers.Serializer):
    product = ProductListItemSerializer(help_text="In the requested locale.")
    note = serializers.CharField(allow_blank=True)


class ImageValueSerializer(serializers.Serializer):
    image = ImageSetSerializer()
    caption = serializers.CharField(allow_blank=True)


BODY_BLOCKS = {
    "rich_text": _block("rich_text", RichTextValueSerializer(), "Rich text."),
    "image": _block("image", ImageValueSerializer(), "An image with a caption."),
    "table": _block("table", TableValueSerializer(), "A table of text cells."),
    "callout": _block("callout", CalloutValueSerializer(), "A tip/warning/note."),
    "product_reference": _block(
        "product_reference",
        ProductReferenceValueSerializer(),
        "A product card; left out when the product is not in the locale.",
    ),
}

GuideBodyBlockSerializer = PolymorphicProxySerializer(
    component_name="GuideBodyBlock",
    serializers=BODY_BLOCKS,
    resource_type_field_name="type",
    many=True,
)


class GuideDetailSerializer(GuideListItemSerializer):
    """A guide with its typed body, related products in the locale and
    translations (``body``, ``related_products``, ``translations`` and
    ``reading_time`` come from the view's context)."""

    type = serializers.SerializerMethodField()
    seo_title = serializers.CharField(allow_blank=True)
    search_description = serializers.CharField(allow_blank=True)
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)
    cover_image = serializers.SerializerMethodField()
    reading_time = serializers.SerializerMethodField(help_text="Minutes.")
    body = serializers.SerializerMethodField()
    related_products = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField()
    canonical_url = serializers.SerializerMethodField(
        help_text="FRONTEND_URL + the page's path: <link rel=canonical>."
    )
    og_image = serializers.SerializerMethodField(
        help_text="og:image, 1200×630 around the focal point; null without image."
    )
    breadcrumbs = serializers.SerializerMethodField(
        help_text="From the home to this page (itself last)."
    )

    @extend_schema_field(serializers.ChoiceField(choices=["products.GuidePage"]))
    def get_type(self, page) -> str:
        return "products.GuidePage"

    @extend_schema_field(ImageSetSerializer(allow_null=True))
    def get_cover_image(self, page):
        return image_set(self.context.get("request"), page.cover_image)

    def get_reading_time(self, page) -> int:
        return self.context["reading_time"]

    @extend_schema_field(GuideBodyBlockSerializer)
    def get_body(self, page):
        return self.context["body"]

    @extend_schema_field(ProductListItemSerializer(many=True))
    def get_related_products(self, page):
        products = self.context.get("related_products", [])
        return ProductListItemSerializer(products, many=True, context=self.context).data

    @extend_schema_field(TranslationSerializer(many=True))
    def get_translations(self, page):
        return self.context.get("translations", [])

    def get_canonical_url(self, page) -> str:
        return self.context["seo"]["canonical_url"]

    @extend_schema_field(RenditionSerializer(allow_null=True))
    def get_og_image(self, page):
        return self.context["seo"]["og_image"]

    @extend_schema_field(BreadcrumbSerializer(many=True))
    def get_breadcrumbs(self, page):
        return self.context["seo"]["breadcrumbs"]
