"""Shapes shared by every content type: renditions, documents, translations, refs."""

from __future__ import annotations

from rest_framework import serializers

from core.pages import page_frontend_path
from products.models import DocumentKind


class RenditionSerializer(serializers.Serializer):
    """One rendition of an image (docs/architecture.md): absolute URL and pixel size."""

    id = serializers.IntegerField(help_text="The image's id.")
    url = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    alt = serializers.CharField(allow_blank=True)


class ImageSetSerializer(serializers.Serializer):
    """An image in the three fixed sizes."""

    thumbnail = RenditionSerializer(help_text="fill-400x400")
    medium = RenditionSerializer(help_text="max-800x800")
    large = RenditionSerializer(help_text="max-1600x1600")


class CaptionedImageSerializer(ImageSetSerializer):
    caption = serializers.CharField(allow_blank=True)


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    language = serializers.CharField(help_text="zh-hans, en or multi.")
    size = serializers.IntegerField(allow_null=True, help_text="Bytes.")
    content_type = serializers.CharField()
    download_url = serializers.CharField()
    members_only = serializers.BooleanField()


class TranslationSerializer(serializers.Serializer):
    """The same item in another locale."""

    locale = serializers.CharField()
    id = serializers.IntegerField()
    slug = serializers.CharField()
    url = serializers.CharField(help_text="Frontend path, e.g. /en/products/lp-hm46/.")


class BrandRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField(help_text="In the requested locale when translated.")


class CategoryRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField(help_text="In the requested locale when translated.")
    path = serializers.CharField(help_text="Slug path, e.g. engine-oil/diesel.")


class TagSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


def translations_data(pages) -> list[dict]:
    return [
        {
            "locale": page.locale.language_code,
            "id": page.pk,
            "slug": page.slug,
            "url": page_frontend_path(page),
        }
        for page in pages
    ]
