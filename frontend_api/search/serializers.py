"""Input and output of the search endpoints."""

from __future__ import annotations

from urllib.parse import urlencode

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.pages import frontend_path
from products.search.models import SearchKind
from products.search.selectors import MAX_QUERY_LENGTH

from ..content.media import absolute_url
from ..content.serializers.common import BrandRefSerializer, RenditionSerializer

QUERY_HELP = (
    "What to search for, up to 200 characters. Chinese is segmented into words; "
    "every word must match (title, SKU, grade, specifications, brand, categories, "
    "applications, summary or body). Grades may be written 2号, 2# or #2 (an NLGI "
    "or ISO VG grade); trade names and abbreviations find their products "
    "(黄油 → 润滑脂, 机油 → 发动机油, HM → 抗磨液压油, GL-5 → 重负荷车辆齿轮油, "
    "plus the editors' synonyms); Chinese titles, brands and categories match in "
    "pinyin (yeyayou, yyy); one typo is forgiven in a Latin word of five letters "
    "or more that the catalogue does not hold."
)


class SearchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(
        max_length=MAX_QUERY_LENGTH, trim_whitespace=True, help_text=QUERY_HELP
    )
    type = serializers.ChoiceField(
        choices=SearchKind.choices,
        required=False,
        help_text="Only products or only guides (default: both).",
    )


class SuggestQuerySerializer(serializers.Serializer):
    q = serializers.CharField(
        max_length=100,
        trim_whitespace=True,
        help_text="What the search box holds; its last word may be unfinished.",
    )


class SearchResultSerializer(serializers.Serializer):
    """One result. Thumbnails and favorites come from the view's context
    (``thumbnails``: ``{image_id: rendition}``, ``favorite_ids``), read in one
    query each for the whole page."""

    type = serializers.ChoiceField(choices=SearchKind.choices, source="kind")
    id = serializers.IntegerField(source="page_id", help_text="The page id.")
    title = serializers.CharField()
    slug = serializers.CharField()
    sku = serializers.CharField(help_text="Products only; empty for guides.")
    url = serializers.SerializerMethodField(help_text="Frontend path.")
    locale = serializers.CharField(source="language")
    brand = serializers.SerializerMethodField(help_text="Products only.")
    thumbnail = serializers.SerializerMethodField(
        help_text="A product's main image or a guide's cover (fill-400x400)."
    )
    is_favorite = serializers.SerializerMethodField(
        help_text="Whether the signed-in member saved it (in any language); "
        "always false for visitors."
    )
    snippet = serializers.CharField(
        help_text="HTML-escaped extract; matched words in `<mark>`."
    )
    score = serializers.FloatField(help_text="Relevance; higher is better.")

    def get_url(self, result) -> str:
        return frontend_path(result.url_path, result.language)

    @extend_schema_field(BrandRefSerializer(allow_null=True))
    def get_brand(self, result):
        if not result.brand_slug:
            return None
        return {"slug": result.brand_slug, "name": result.brand}

    @extend_schema_field(RenditionSerializer(allow_null=True))
    def get_thumbnail(self, result):
        found = self.context.get("thumbnails", {}).get(result.image_id)
        if not found:
            return None
        request = self.context.get("request")
        return {
            "id": result.image_id,
            **found,
            "url": absolute_url(request, found["url"]),
        }

    def get_is_favorite(self, result) -> bool:
        return result.page_id in self.context.get("favorite_ids", ())


class SuggestionSerializer(serializers.Serializer):
    text = serializers.CharField()
    type = serializers.ChoiceField(
        choices=[
            ("product", "Product"),
            ("guide", "Guide"),
            ("brand", "Brand"),
            ("grade", "Grade"),
        ],
        source="kind",
        help_text="A product or guide title (with its `url`), a brand or a grade.",
    )
    id = serializers.IntegerField(
        source="page_id", allow_null=True, help_text="The page id (products, guides)."
    )
    slug = serializers.CharField(
        allow_blank=True,
        help_text="The page's slug, or the brand's (the `brand` filter); empty for "
        "a grade.",
    )
    url = serializers.SerializerMethodField(
        allow_null=True,
        help_text="Frontend path: the page, or for a brand or grade the catalogue "
        "filtered by it (`/zh-hans/products/?brand=lubpur`).",
    )

    def get_url(self, suggestion) -> str | None:
        if not suggestion.url_path:
            return None
        path = frontend_path(suggestion.url_path, suggestion.language)
        if suggestion.query:
            path += "?" + urlencode(suggestion.query)
        return path


class SuggestResponseSerializer(serializers.Serializer):
    q = serializers.CharField()
    suggestions = SuggestionSerializer(many=True)
