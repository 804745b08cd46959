"""``/api/v1/products/``: the catalogue list (filters, search, ordering) and detail."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.mixins import ListModelMixin
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from cms.selectors import page_translations
from products import selectors
from products.models import ProductPage

from ...schema import LOCALE_PARAMETER
from ..filters import ProductFilter
from ..richtext import RichTextRenderer
from ..serializers import (
    ProductDetailSerializer,
    ProductListItemSerializer,
    translations_data,
)
from .common import NOT_FOUND_RESPONSE, ContentView, missing


@extend_schema_view(
    list=extend_schema(
        summary="List products",
        parameters=[LOCALE_PARAMETER],
        tags=["content"],
    ),
    retrieve=extend_schema(
        summary="A product with everything an editor entered",
        parameters=[LOCALE_PARAMETER],
        responses={200: ProductDetailSerializer, **NOT_FOUND_RESPONSE},
        tags=["content"],
    ),
)
class ProductViewSet(ListModelMixin, ContentView, GenericViewSet):
    """Live products in the requested locale."""

    serializer_class = ProductListItemSerializer
    filterset_class = ProductFilter
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    queryset = ProductPage.objects.none()  # for the schema; see get_queryset

    def get_queryset(self):
        return selectors.product_list(locale=self.locale)

    def retrieve(self, request: Request, slug: str) -> Response:
        locale = self.locale
        product = selectors.product_get(locale=locale, slug=slug)
        if product is None:
            raise missing(ProductPage, slug, locale)
        return Response(product_detail_data(request, product, locale))


def product_detail_data(request: Request, product: ProductPage, locale) -> dict:
    """The detail of a fetched product (also used by preview)."""
    context = {
        "request": request,
        "richtext": RichTextRenderer([product.features], locale),
        "related_guides": selectors.guides_for_product(product=product, locale=locale),
        "translations": translations_data(page_translations(product)),
    }
    return ProductDetailSerializer(product, context=context).data
