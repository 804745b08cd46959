"""``/api/v1/guides/``: selection guides and articles, list and typed detail."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.mixins import ListModelMixin
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from cms.selectors import page_translations
from products import selectors
from products.models import GuidePage

from ...schema import LOCALE_PARAMETER
from ..blocks import guide_body_data
from ..filters import GuideFilter
from ..serializers import (
    GuideDetailSerializer,
    GuideListItemSerializer,
    translations_data,
)
from .common import NOT_FOUND_RESPONSE, ContentView, missing


@extend_schema_view(
    list=extend_schema(
        summary="List guides", parameters=[LOCALE_PARAMETER], tags=["content"]
    ),
    retrieve=extend_schema(
        summary="A guide with its body as typed blocks",
        parameters=[LOCALE_PARAMETER],
        responses={200: GuideDetailSerializer, **NOT_FOUND_RESPONSE},
        tags=["content"],
    ),
)
class GuideViewSet(ListModelMixin, ContentView, GenericViewSet):
    """Live guides in the requested locale."""

    serializer_class = GuideListItemSerializer
    filterset_class = GuideFilter
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    queryset = GuidePage.objects.none()  # for the schema; see get_queryset

    def get_queryset(self):
        return selectors.guide_list(locale=self.locale)

    def retrieve(self, request: Request, slug: str) -> Response:
        locale = self.locale
        guide = selectors.guide_get(locale=locale, slug=slug)
        if guide is None:
            raise missing(GuidePage, slug, locale)
        return Response(guide_detail_data(request, guide, locale))


def guide_detail_data(request: Request, guide: GuidePage, locale) -> dict:
    """The detail of a fetched guide (also used by preview)."""
    context = {"request": request}
    context |= {
        "body": guide_body_data(request, guide.body.raw_data, locale, context),
        "reading_time": guide.reading_time,
        "related_products": selectors.products_for_guide(guide=guide, locale=locale),
        "translations": translations_data(page_translations(guide)),
    }
    return GuideDetailSerializer(guide, context=context).data
