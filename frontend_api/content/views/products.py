"""``/api/v1/products/``: the catalogue list (filters, search, ordering) and detail."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.mixins import ListModelMixin
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from cms.selectors import (
    ImageData,
    image_data,
    page_relatives_and_links,
    renditions_by_image,
)
from core.pages import page_frontend_path
from delivery import cache_tags as tags
from members.activity.selectors import favorite_page_ids
from products import selectors
from products.models import DETAIL_IMAGE_SPECS, THUMBNAIL_SPEC, ProductPage

from ...caching import CachedPublicView
from ...schema import LOCALE_PARAMETER
from ..filters import ProductFilter
from ..media import document_data, image_set, rendition
from ..richtext import RichTextRenderer, link_ids
from ..seo import seo_data
from ..serializers import (
    ProductDetailSerializer,
    ProductListItemSerializer,
    guide_cards,
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
        product = selectors.product_detail_get(locale=locale, slug=slug)
        if product is None:
            raise missing(ProductPage, slug, locale)
        footprint(request, product)
        self.cache_tag(tags.GUIDES.format(locale=locale.language_code))
        return Response(
            product_detail_data(request, product, locale, view=self, live=True)
        )


_DATETIME = serializers.DateTimeField()


def datetime_data(value) -> str | None:
    """A datetime as DRF writes it (ISO 8601, ``Z`` for UTC)."""
    return None if value is None else _DATETIME.to_representation(value)


def product_detail_data(
    request: Request, product: ProductPage, locale, view=None, *, live: bool = False
) -> dict:
    """``ProductDetailSerializer``'s shape, built from rows: the product
    (``product_detail_get``), its parts and its guides' tags (one UNION query),
    its guides, every image with its renditions, and its translations with the
    breadcrumbs and the features' links: six queries for a visitor, whatever
    the number of categories, specifications, images, documents and guides
    (``tests/frontend_api/test_detail_queries.py``). ``live=False``: an unsaved
    draft (preview), its parts read from the page itself."""
    guide_rows = selectors.guides_linking(product=product, locale=locale)
    if live:
        parts = selectors.product_parts(
            product=product, locale=locale, guides=guide_rows
        )
    else:
        parts = selectors.product_parts_of(product=product, locale=locale)
        parts.tags = selectors.guide_tags(guides=guide_rows)
    guides = list(guide_rows)
    wanted: dict[int, set[str]] = {}
    for image_id in [product.main_image_id, *(pk for pk, _caption in parts.images)]:
        wanted.setdefault(image_id, set()).update(DETAIL_IMAGE_SPECS)
    for guide in guides:
        wanted.setdefault(guide.cover_image_id, set()).add(THUMBNAIL_SPEC)
    images = image_data(wanted=wanted)
    translations, crumbs, paths = page_relatives_and_links(
        page=product, link_ids=link_ids([product.features]), locale=locale
    )
    if view is not None:
        view.cache_tag(
            *tags.product_parts_tags(product, parts), *tags.guide_card_tags(guides)
        )
    richtext = RichTextRenderer([product.features], locale, request, paths=paths)
    favorites = favorite_ids(request, [product, *guides])
    main = images.get(product.main_image_id)
    seo = seo_data(request, product, main, crumbs, view)
    gallery: list[tuple[ImageData | None, str]] = [(main, "")] if main else []
    gallery += [(images.get(pk), caption) for pk, caption in parts.images]
    stream = product.typical_properties
    return {
        "id": product.pk,
        "sku": product.sku,
        "title": product.title,
        "slug": product.slug,
        "url": page_frontend_path(product),
        "locale": product.locale.language_code,
        "brand": (
            {
                "slug": product.brand.slug,
                "name": getattr(product, "brand_name", None) or product.brand.name,
            }
            if product.brand
            else None
        ),
        "categories": [
            {"slug": ref["slug"], "name": ref["name"], "path": ref["path"]}
            for ref in parts.categories
        ],
        "viscosity_grade": product.viscosity_grade,
        "base_oil": product.base_oil,
        "summary": product.summary,
        "thumbnail": rendition(request, main),
        "is_favorite": product.pk in favorites,
        "type": "products.ProductPage",
        "seo_title": product.seo_title,
        "search_description": product.search_description,
        "first_published_at": datetime_data(product.first_published_at),
        "last_published_at": datetime_data(product.last_published_at),
        "specifications": parts.specifications,
        "applications": product.application_list,
        "features": richtext(product.features),
        "typical_properties": stream.stream_block.get_api_representation(
            stream.raw_data
        ),
        "package_sizes": product.package_size_data(product.locale.language_code),
        "images": [
            {**(image_set(request, image) or {}), "caption": caption}
            for image, caption in gallery
            if image is not None
        ],
        "documents": [
            document_data(document, kind, request) for document, kind in parts.documents
        ],
        "related_guides": guide_cards(
            request, guides, tags=parts.tags, images=images, favorites=favorites
        ),
        "translations": translations_data(translations),
        "canonical_url": seo["canonical_url"],
        "og_image": seo["og_image"],
        "breadcrumbs": seo["breadcrumbs"],
    }
