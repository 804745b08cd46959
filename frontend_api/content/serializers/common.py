"""Shapes shared by every content type: renditions, documents, translations, refs."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from core.pages import page_frontend_path
from products.models import DocumentKind
from products.packaging import PackageContainer, PackageUnit


class RenditionSerializer(serializers.Serializer):
    """One rendition of an image (docs/architecture.md): absolute URL and pixel size."""

    id = serializers.IntegerField(help_text="The image's id.")
    url = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    alt = serializers.CharField(allow_blank=True)


class SourceCandidateSerializer(serializers.Serializer):
    url = serializers.CharField(help_text="Absolute URL.")
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class ImageSourceSerializer(serializers.Serializer):
    """One ``<source>`` of a ``<picture>``: a format at several widths."""

    type: Any = serializers.CharField(
        help_text="MIME type: image/avif, image/webp, then the original's."
    )
    srcset = serializers.CharField(help_text='"<url> 400w, <url> 800w, …"')
    candidates = SourceCandidateSerializer(many=True)


class FocalPointSerializer(serializers.Serializer):
    """The editor's focal point, in pixels of the original image (the centre
    and size of the area): crops (``thumbnail``, the OG image) keep it in view;
    use it for CSS ``object-position``."""

    x = serializers.IntegerField()
    y = serializers.IntegerField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class ImageSetSerializer(serializers.Serializer):
    """An image in three fixed sizes and as responsive sources."""

    thumbnail = RenditionSerializer(help_text="fill-400x400 (around the focal point)")
    medium = RenditionSerializer(help_text="max-800x800")
    large = RenditionSerializer(help_text="max-1600x1600")
    alt = serializers.CharField(
        allow_blank=True, help_text="In the response's language."
    )
    original_width = serializers.IntegerField()
    original_height = serializers.IntegerField()
    focal_point = FocalPointSerializer(allow_null=True)
    sources = ImageSourceSerializer(
        many=True,
        help_text="For <picture>: AVIF, WebP and the original format, each at "
        "widths 400, 800 and 1600 (never upscaled; a width is listed once).",
    )


class BreadcrumbSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    path = serializers.CharField(help_text="Frontend path.")


class SeoFieldsSerializer(serializers.Serializer):
    """What every page's response carries for search engines and sharing."""

    canonical_url = serializers.CharField(
        help_text="FRONTEND_URL + the page's path: <link rel=canonical>."
    )
    og_image = RenditionSerializer(
        allow_null=True,
        help_text="og:image, 1200×630 around the focal point: the page's own "
        "picture, else the site's default share image (Site settings); null when "
        "neither is set.",
    )
    breadcrumbs = BreadcrumbSerializer(
        many=True, help_text="From the home to this page (itself last)."
    )


class CaptionedImageSerializer(ImageSetSerializer):
    caption = serializers.CharField(allow_blank=True)


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=DocumentKind.choices)
    language = serializers.CharField(help_text="zh-hans, en or multi.")
    size = serializers.IntegerField(allow_null=True, help_text="Bytes.")
    content_type = serializers.CharField()
    download_url = serializers.CharField(
        help_text="Absolute URL of /api/v1/documents/{id}/download/."
    )
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


class PackageSizeSerializer(serializers.Serializer):
    """A package size, as products list them and request items copy them."""

    id = serializers.CharField(help_text="Stable; the same in every language.")
    amount = serializers.CharField(
        allow_null=True, help_text='Decimal as a string, e.g. "18", "0.4".'
    )
    unit = serializers.ChoiceField(choices=PackageUnit.choices, allow_blank=True)
    container = serializers.ChoiceField(
        choices=PackageContainer.choices, allow_blank=True
    )
    count = serializers.IntegerField(
        allow_null=True, help_text="Units in one package (a case of 6), or null."
    )
    note = serializers.CharField(allow_blank=True)
    label: Any = serializers.CharField(help_text="In the request's language.")
