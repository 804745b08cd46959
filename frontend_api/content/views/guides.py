"""``/api/v1/guides/``: selection guides and articles, list and typed detail."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.mixins import ListModelMixin
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from cms.selectors import page_relatives, prefetch_renditions_of
from delivery import cache_tags as tags
from products import selectors
from products.models import DETAIL_IMAGE_SPECS, GuidePage

from ...caching import CachedPublicView
from ...schema import LOCALE_PARAMETER
from ..blocks import stream_data
from ..filters import GuideFilter
from ..seo import seo_data
from ..serializers import (
    GuideDetailSerializer,
    GuideListItemSerializer,
    translations_data,
)
from .common import (
    NOT_FOUND_RESPONSE,
    ContentView,
    favorite_ids,
    footprint,
    missing,
)


@extend_schema_view(
    list=extend_schema(
        summary="List guides", parameters=[LOCALE_PARAMETER], tags=["content"]
    ),
    retrieve=extend_schema(
        summary="A guide with its body as typed blocks",
        description="Live in the requested locale. A signed-in member's visit is "
        "recorded in their footprints.",
        parameters=[LOCALE_PARAMETER],
        responses={200: GuideDetailSerializer, **NOT_FOUND_RESPONSE},
        tags=["content"],
    ),
)
class GuideViewSet(CachedPublicView, ListModelMixin, ContentView, GenericViewSet):
    """Live guides in the requested locale."""

    serializer_class = GuideListItemSerializer
    filterset_class = GuideFilter
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    queryset = GuidePage.objects.none()  # for the schema; see get_queryset
    cache_tags = (tags.GUIDES, tags.TREE)

    def get_queryset(self):
        return selectors.guide_list(locale=self.locale)

    def list(self, request: Request, *args, **kwargs) -> Response:
        guides = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        assert guides is not None  # noqa: S101 - the viewset has a pagination class
        self.cache_tag(*tags.guide_card_tags(guides))
        if "product" in request.query_params:  # SKUs, matched in any locale
            self.cache_tag("type:products.productpage")
        context = dict(self.get_serializer_context())
        context["favorite_ids"] = favorite_ids(request, guides)
        data = GuideListItemSerializer(guides, many=True, context=context).data
        return self.get_paginated_response(data)

    def retrieve(self, request: Request, slug: str) -> Response:
        locale = self.locale
        guide = selectors.guide_get(locale=locale, slug=slug)
        if guide is None:
            raise missing(GuidePage, slug, locale)
        footprint(request, guide)
        # Product cards (related and in the body) name brands and categories.
        self.cache_tag(
            tags.PRODUCTS.format(locale=locale.language_code),
            tags.BRANDS,
            tags.CATEGORIES,
            *tags.guide_detail_tags(guide, guide.body.raw_data),
        )
        return Response(guide_detail_data(request, guide, locale, view=self))


def guide_detail_data(request: Request, guide: GuidePage, locale, view=None) -> dict:
    """The detail of a fetched guide (also used by preview)."""
    context: dict[str, Any] = {"request": request}
    body = stream_data(
        request, GuidePage.body.field.stream_block, guide.body.raw_data, locale, context
    )
    related = selectors.products_for_guide(guide=guide, locale=locale)
    prefetch_renditions_of(images=[guide.cover_image], specs=DETAIL_IMAGE_SPECS)
    translations, crumbs = page_relatives(page=guide)
    context |= {
        "body": body,
        "reading_time": guide.reading_time,
        "related_products": related,
        "translations": translations_data(translations),
        "seo": seo_data(request, guide, guide.cover_image, crumbs, view),
    }
    if request.user.is_authenticated:
        # Body product cards were rendered above; mark the member's favorites.
        cards = [
            block["value"]["product"]
            for block in body
            if block["type"] == "product_reference"
        ]
        saved = favorite_page_ids_of(request, guide, related, cards)
        context["favorite_ids"] = saved
        for card in cards:
            card["is_favorite"] = card["id"] in saved
    return GuideDetailSerializer(guide, context=context).data


def favorite_page_ids_of(request, guide, related, cards) -> set[int]:
    pages = [guide, *related, *(SimpleNamespace(pk=card["id"]) for card in cards)]
    return favorite_ids(request, pages)
