"""Input and output serializers of the activity API. Card data (the page's title,
summary, thumbnail and frontend path) is built from pages the selectors fetched,
so serializing never queries."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.pages import page_frontend_path
from members.activity.models import PageKind

from .. import fields
from ..content.media import rendition


class ImageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    alt = serializers.CharField()


class CardSerializer(serializers.Serializer):
    """A product or guide as a list card."""

    id = serializers.IntegerField(help_text="The page id in this locale.")
    type = serializers.ChoiceField(choices=PageKind.choices)
    title = serializers.CharField()
    slug = serializers.CharField()
    url = serializers.CharField(help_text="Frontend path, e.g. /en/products/lp-hm46/.")
    locale = serializers.CharField()
    summary = serializers.CharField()
    thumbnail = ImageSerializer(allow_null=True, help_text="fill-400x400")


def _image(page):
    return getattr(page, "main_image", None) or getattr(page, "cover_image", None)


def card_data(request, page, kind: str) -> dict[str, Any]:
    return {
        "id": page.pk,
        "type": kind,
        "title": page.title,
        "slug": page.slug,
        "url": page_frontend_path(page),
        "locale": page.locale.language_code,
        "summary": page.summary,
        "thumbnail": rendition(request, _image(page)),
    }


class FavoriteInSerializer(serializers.Serializer):
    page = fields.IntegerField(
        min_value=1, help_text="Id of a published product or guide (any language)."
    )


class FavoriteOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.ChoiceField(choices=PageKind.choices, source="kind")
    created_at = serializers.DateTimeField()
    item = serializers.SerializerMethodField()

    @extend_schema_field(CardSerializer)
    def get_item(self, favorite) -> dict[str, Any] | None:
        page = self.context["cards"].get(favorite.pk)
        return card_data(self.context.get("request"), page, favorite.kind)


class FootprintOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.ChoiceField(choices=PageKind.choices, source="kind")
    last_viewed_at = serializers.DateTimeField()
    view_count = serializers.IntegerField()
    item = serializers.SerializerMethodField()

    @extend_schema_field(CardSerializer)
    def get_item(self, footprint) -> dict[str, Any] | None:
        page = self.context["cards"].get(footprint.pk)
        return card_data(self.context.get("request"), page, footprint.kind)


class DownloadOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    document_id = serializers.IntegerField(
        allow_null=True, help_text="Null once the document was deleted."
    )
    title = serializers.CharField(source="document_title")
    download_url = serializers.SerializerMethodField()
    downloaded_at = serializers.DateTimeField()

    def get_download_url(self, record) -> str | None:
        if record.document_id is None:
            return None
        return f"/api/v1/documents/{record.document_id}/download/"
