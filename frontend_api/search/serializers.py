"""Input and output of the search endpoints."""

from __future__ import annotations

from rest_framework import serializers

from core.pages import frontend_path
from products.search.models import SearchKind
from products.search.selectors import MAX_QUERY_LENGTH

QUERY_HELP = (
    "What to search for, up to 200 characters. Chinese is segmented into words; "
    "every word must match (title, SKU, grade, specifications, brand, categories, "
    "applications, summary or body)."
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
    type = serializers.ChoiceField(choices=SearchKind.choices, source="kind")
    id = serializers.IntegerField(source="page_id", help_text="The page id.")
    title = serializers.CharField()
    sku = serializers.CharField(help_text="Products only; empty for guides.")
    url = serializers.SerializerMethodField(help_text="Frontend path.")
    snippet = serializers.CharField(
        help_text="HTML-escaped extract; matched words in `<mark>`."
    )
    score = serializers.FloatField(help_text="Relevance; higher is better.")

    def get_url(self, result) -> str:
        return frontend_path(result.url_path, result.language)


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
    id = serializers.IntegerField(source="page_id", allow_null=True)
    url = serializers.SerializerMethodField(allow_null=True)

    def get_url(self, suggestion) -> str | None:
        if not suggestion.url_path:
            return None
        return frontend_path(suggestion.url_path, suggestion.language)


class SuggestResponseSerializer(serializers.Serializer):
    q = serializers.CharField()
    suggestions = SuggestionSerializer(many=True)
