"""Search and suggestions: validate, call ``products.search``, serialize."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from cms.selectors import renditions_by_image
from members.activity.selectors import favorite_page_ids
from products.models import THUMBNAIL_SPEC
from products.search.selectors import search_hits, search_results, search_suggest

from ..caching import ConditionalView
from ..content.views.common import ContentView
from ..pagination import PageNumberPagination
from ..schema import LOCALE_PARAMETER, PAGE_PARAMETERS
from .serializers import (
    SearchQuerySerializer,
    SearchResultSerializer,
    SuggestQuerySerializer,
    SuggestResponseSerializer,
)


class SearchPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = SearchResultSerializer(many=True)


class SearchView(ConditionalView, ContentView):
    """Products and guides of one language matching every word of ``q``.

    Queries: the synonyms, the typo look-up (only with a Latin word of five
    letters or more), count, page of hits, result rows, thumbnails, and for a
    member their favorites — the same for any page size."""

    throttle_classes = [AnonRateThrottle, UserRateThrottle]

    @extend_schema(
        summary="Search products and guides",
        parameters=[SearchQuerySerializer, *PAGE_PARAMETERS, LOCALE_PARAMETER],
        responses={200: SearchPageSerializer},
        tags=["search"],
    )
    def get(self, request: Request) -> Response:
        params = SearchQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        kind = params.validated_data.get("type")
        parsed, hits = search_hits(
            text=params.validated_data["q"],
            locale=self.locale,
            kinds=[kind] if kind else None,
        )
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(hits, request, view=self) or []
        rows = search_results(hits=list(page), parsed=parsed)
        context = {
            "request": request,
            "thumbnails": renditions_by_image(
                image_ids=[row.image_id for row in rows], spec=THUMBNAIL_SPEC
            ),
            "favorite_ids": favorite_page_ids(
                user=request.user, page_ids=[row.page_id for row in rows]
            ),
        }
        return paginator.get_paginated_response(
            SearchResultSerializer(rows, many=True, context=context).data
        )


class SuggestView(ConditionalView, ContentView):
    """Up to ten completions for a search box: brands, grades, then titles."""

    throttle_classes = [AnonRateThrottle, UserRateThrottle]

    @extend_schema(
        summary="Search-box suggestions",
        parameters=[SuggestQuerySerializer, LOCALE_PARAMETER],
        responses={200: SuggestResponseSerializer},
        tags=["search"],
    )
    def get(self, request: Request) -> Response:
        params = SuggestQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        text = params.validated_data["q"]
        suggestions = search_suggest(text=text, locale=self.locale)
        return Response(
            SuggestResponseSerializer({"q": text, "suggestions": suggestions}).data
        )
