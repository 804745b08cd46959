"""``/api/v1/preview/``: the draft an editor is previewing, for a valid token only.

The admin's Preview (wagtail-headless-preview) stores the unsaved page and opens
``HEADLESS_PREVIEW_URL?content_type=…&token=…`` in the frontend; the frontend
asks this endpoint with the same two values. A token is signed and expires after
``HEADLESS_PREVIEW_TOKEN_MAX_AGE`` seconds; everything else in the API serves
published content only.
"""

from __future__ import annotations

from drf_spectacular.utils import (
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
)
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from cms.selectors import PREVIEWABLE_TYPES, preview_page_get
from products.models import GuidePage, ProductPage
from products.selectors import product_localize

from ...schema import ProblemSerializer
from ..serializers import GuideDetailSerializer, ProductDetailSerializer
from .common import ContentView
from .guides import guide_detail_data
from .products import product_detail_data

PreviewPageSerializer = PolymorphicProxySerializer(
    component_name="PreviewPage",
    serializers={
        "products.ProductPage": ProductDetailSerializer,
        "products.GuidePage": GuideDetailSerializer,
    },
    resource_type_field_name="type",
)


class PreviewQuerySerializer(serializers.Serializer):
    content_type = serializers.ChoiceField(
        choices=PREVIEWABLE_TYPES, help_text="As given in the preview URL."
    )
    token = serializers.CharField(max_length=500, help_text="The preview token.")


class PreviewView(ContentView):
    """The previewed draft, shaped as the page type's detail, in its own locale."""

    @extend_schema(
        summary="The draft behind a preview token",
        parameters=[PreviewQuerySerializer],
        responses={
            200: PreviewPageSerializer,
            (403, "application/problem+json"): OpenApiResponse(
                response=ProblemSerializer,
                description="Tampered (`preview_token_invalid`) or expired "
                "(`preview_token_expired`) token.",
            ),
        },
        tags=["content"],
    )
    def get(self, request: Request) -> Response:
        query = PreviewQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        page = preview_page_get(**query.validated_data)
        locale = page.locale
        if isinstance(page, ProductPage):
            data = product_detail_data(
                request, product_localize(product=page, locale=locale), locale
            )
        elif isinstance(page, GuidePage):
            data = guide_detail_data(request, page, locale)
        response = Response(data)
        response["Cache-Control"] = "no-store"
        return response


def admin_preview_data(request, page) -> dict:
    """What ``/api/v1/preview/`` would answer for this draft: the admin's
    preview pane shows it when no frontend is configured (``core.preview``)."""
    locale = page.locale
    if isinstance(page, ProductPage):
        return product_detail_data(
            request, product_localize(product=page, locale=locale), locale
        )
    return guide_detail_data(request, page, locale)
