"""``/api/v1/products/``: the catalogue list (filters, search, ordering) and detail."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.mixins import ListModelMixin
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from cms.selectors import (
    page_relatives,
    prefetch_renditions_of,
    renditions_by_image,
)
from delivery import cache_tags as tags
from members.activity.selectors import favorite_page_ids
from products import selectors
from products.models import DETAIL_IMAGE_SPECS, THUMBNAIL_SPEC, ProductPage

from ...caching import CachedPublicView
from ...schema import LOCALE_PARAMETER
from ..filters import ProductFilter
from ..richtext import RichTextRenderer
from ..seo import seo_data
from ..serializers import (
    ProductDetailSerializer,
    ProductListItemSerializer,
    product_cards,
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
        summary="List products",
        parameters=[LOCALE_PARAMETER],
        tags=["content"],
    ),
    retrieve=extend_schema(
        summary="A product with everything an editor entered",
        description="Live in the requested locale. A signed-in member's visit is "
        "recorded in their footprints.",
        parameters=[LOCALE_PARAMETER],
        responses={200: ProductDetailSerializer, **NOT_FOUND_RESPONSE},
        tags=["content"],
    ),
)
class ProductViewSet(CachedPublicView, ListModelMixin, ContentView, GenericViewSet):
    """Live products in the requested locale."""

    serializer_class = ProductListItemSerializer
    filterset_class = ProductFilter
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    queryset = ProductPage.objects.none()  # for the schema; see get_queryset
    cache_tags = (tags.PRODUCTS, tags.TREE)

    def get_queryset(self):
        return selectors.product_list_base(locale=self.locale)

    def list(self, request: Request, *args, **kwargs) -> Response:
        # Rows as dicts, then categories, thumbnails and favorites in one query
        # each: the same queries for any page size, no model instances
        # (``bench/api.py`` measures it).
        locale = self.locale
        products = self.get_queryset()
        if not self.filterset_class.base_filters.keys().isdisjoint(
            request.query_params
        ):  # no filter asked for: skip building and validating the FilterSet
            products = self.filter_queryset(products)
        rows = self.paginate_queryset(
            selectors.product_card_values(queryset=products, locale=locale)
        )
        assert rows is not None  # noqa: S101 - the viewset has a pagination class
        ids = [row["id"] for row in rows]
        categories = selectors.product_category_refs(page_ids=ids, locale=locale)
        thumbnails = renditions_by_image(
            image_ids=[row["main_image_id"] for row in rows],
            spec=THUMBNAIL_SPEC,
            language=locale.language_code,
        )
        favorites = favorite_page_ids(user=request.user, page_ids=ids)
        self.cache_tag(*tags.product_row_tags(rows, categories))
        if "brand" in request.query_params:
            self.cache_tag(tags.BRANDS)
        if "category" in request.query_params:
            self.cache_tag(tags.CATEGORIES)
        cards = product_cards(
            request,
            rows,
            categories=categories,
            thumbnails=thumbnails,
            favorites=favorites,
        )
        return self.get_paginated_response(cards)

    def retrieve(self, request: Request, slug: str) -> Response:
        locale = self.locale
        product = selectors.product_get(locale=locale, slug=slug)
        if product is None:
            raise missing(ProductPage, slug, locale)
        footprint(request, product)
        self.cache_tag(
            tags.GUIDES.format(locale=locale.language_code),
            *tags.product_detail_tags(product),
        )
        return Response(product_detail_data(request, product, locale, view=self))


def product_detail_data(
    request: Request, product: ProductPage, locale, view=None
) -> dict:
    """The detail of a fetched product (also used by preview)."""
    guides = selectors.guides_for_product(product=product, locale=locale)
    if view is not None:
        view.cache_tag(*tags.guide_card_tags(guides))
    prefetch_renditions_of(
        images=[
            *selectors.product_images(product=product),
            *(guide.cover_image for guide in guides),
        ],
        specs=DETAIL_IMAGE_SPECS,
    )
    translations, crumbs = page_relatives(page=product)
    context = {
        "request": request,
        "richtext": RichTextRenderer([product.features], locale, request),
        "related_guides": guides,
        "translations": translations_data(translations),
        "favorite_ids": favorite_ids(request, [product, *guides]),
        "seo": seo_data(request, product, product.main_image, crumbs, view),
    }
    return ProductDetailSerializer(product, context=context).data
