"""Product detail (read serializers; they never query)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..media import document_data, image_set
from .common import (
    BreadcrumbSerializer,
    CaptionedImageSerializer,
    DocumentSerializer,
    RenditionSerializer,
    TranslationSerializer,
)
from .items import GuideListItemSerializer, ProductListItemSerializer


class TypicalPropertySerializer(serializers.Serializer):
    property = serializers.CharField()
    test_method = serializers.CharField(allow_blank=True)
    unit = serializers.CharField(allow_blank=True)
    value = serializers.CharField()


class ProductDetailSerializer(ProductListItemSerializer):
    """Everything an editor entered on a product page.

    ``related_guides``, ``translations`` and the rich-text renderer come from the
    view's context (fetched by ``products.selectors``)."""

    type = serializers.SerializerMethodField()
    seo_title = serializers.CharField(allow_blank=True)
    search_description = serializers.CharField(allow_blank=True)
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)
    specifications = serializers.SerializerMethodField()
    applications = serializers.ListField(
        source="application_list", child=serializers.CharField()
    )
    features = serializers.SerializerMethodField(help_text="HTML.")
    typical_properties = serializers.SerializerMethodField()
    images = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()
    related_guides = serializers.SerializerMethodField()
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

    @extend_schema_field(serializers.ChoiceField(choices=["products.ProductPage"]))
    def get_type(self, page) -> str:
        return "products.ProductPage"

    def get_specifications(self, page) -> list[str]:
        return [spec.code for spec in page.specifications.all()]

    def get_features(self, page) -> str:
        return self.context["richtext"](page.features)

    @extend_schema_field(TypicalPropertySerializer(many=True))
    def get_typical_properties(self, page):
        # Plain rows that reference nothing: the blocks' own representation
        # needs no prefetch (``products.blocks.TypicalPropertiesBlock``).
        stream = page.typical_properties
        return stream.stream_block.get_api_representation(stream.raw_data)

    @extend_schema_field(CaptionedImageSerializer(many=True))
    def get_images(self, page):
        request = self.context.get("request")
        images = [(page.main_image, "")] if page.main_image else []
        images += [(item.image, item.caption) for item in page.gallery_images.all()]
        return [
            {**image_set(request, image), "caption": caption}
            for image, caption in images
        ]

    @extend_schema_field(DocumentSerializer(many=True))
    def get_documents(self, page):
        return [
            document_data(item.document, item.kind, self.context.get("request"))
            for item in page.documents.all()
        ]

    @extend_schema_field(GuideListItemSerializer(many=True))
    def get_related_guides(self, page):
        guides = self.context.get("related_guides", [])
        return GuideListItemSerializer(guides, many=True, context=self.context).data

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
