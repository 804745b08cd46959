"""``/api/v1/guides/``: selection guides and articles, list and typed detail."""

from __future__ import annotations

from types import SimpleNamespace

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.mixins import ListModelMixin
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from cms.selectors import image_data, page_relatives_and_links
from delivery import cache_tags as tags
from products import selectors
from products.models import (
    DETAIL_IMAGE_SPECS,
    THUMBNAIL_SPEC,
    GuidePage,
    reading_minutes,
)

from ...caching import CachedPublicView
from ...schema import LOCALE_PARAMETER
from ..blocks import References, raw_text
from ..filters import GuideFilter
from ..media import image_set
from ..media import rendition as _rendition
from ..richtext import RichTextRenderer, link_ids
from ..seo import seo_data
from ..serializers import (
    GuideDetailSerializer,
    GuideListItemSerializer,
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
from .products import datetime_data


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
        guide = selectors.guide_detail_get(locale=locale, slug=slug)
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
        return Response(guide_detail_data(request, guide, locale, view=self, live=True))


def guide_detail_data(
    request: Request, guide: GuidePage, locale, view=None, *, live: bool = False
) -> dict:
    """``GuideDetailSerializer``'s shape, built from rows: the guide
    (``guide_detail_get``); its tags, related products' keys and the keys of the
    pages its body points at (one UNION query); the product cards of both (one
    query) and their categories (one); every image — cover, body, thumbnails —
    with its renditions (one); its translations, breadcrumbs and the body's
    links (one): seven queries for a visitor, whatever the body holds
    (``tests/frontend_api/test_detail_queries.py``). ``live=False``: an unsaved
    draft (preview), its tags and links read from the page itself."""
    block = GuidePage.body.field.stream_block
    raw = [item for item in guide.body.raw_data or [] if isinstance(item, dict)]
    refs = References()
    refs.collect(block, raw)
    if live:
        parts = selectors.guide_parts(guide=guide, page_ids=refs.pages)
    else:
        parts = selectors.guide_parts_of(guide=guide, page_ids=refs.pages)
    rows = selectors.product_cards_by_keys(
        locale=locale, keys=[*parts.product_keys, *parts.page_keys.values()]
    )
    by_key = {str(row["translation_key"]): row for row in rows}
    categories = selectors.category_refs(
        page_ids=[row["id"] for row in rows], locale=locale
    )
    wanted: dict[int, set[str]] = {}
    for image_id in [guide.cover_image_id, *refs.images]:
        wanted.setdefault(image_id, set()).update(DETAIL_IMAGE_SPECS)
    for row in rows:
        wanted.setdefault(row["main_image_id"], set()).add(THUMBNAIL_SPEC)
    images = image_data(wanted=wanted)
    translations, crumbs, paths = page_relatives_and_links(
        page=guide, link_ids=link_ids(refs.richtext), locale=locale
    )
    pages = [guide, *(SimpleNamespace(pk=row["id"]) for row in rows)]
    favorites = favorite_ids(request, pages)
    thumbnails = {
        row["main_image_id"]: {
            key: value
            for key, value in _rendition(
                request, images.get(row["main_image_id"])
            ).items()
            if key != "id"
        }
        for row in rows
        if row["main_image_id"] in images
    }

    def cards(selected: list[dict]) -> list[dict]:
        return product_cards(
            request,
            selected,
            categories=categories,
            thumbnails=thumbnails,
            favorites=favorites,
        )

    def image(pk):
        found = images.get(pk)
        return None if found is None else image_set(request, found)

    def product(pk):
        row = by_key.get(parts.page_keys.get(pk, ""))
        return None if row is None else cards([row])[0]

    richtext = RichTextRenderer(refs.richtext, locale, request, paths=paths)
    context = {"richtext": richtext, "image": image, "product": product}
    body = block.get_api_representation(raw, context)
    related = [
        by_key[key] for key in dict.fromkeys(parts.product_keys) if key in by_key
    ]
    cover = images.get(guide.cover_image_id)
    seo = seo_data(request, guide, cover, crumbs, view)
    card = guide_cards(
        request, [guide], tags=parts.tags, images=images, favorites=favorites
    )[0]
    return {
        **card,  # the list item's fields, then the detail's
        "type": "products.GuidePage",
        "seo_title": guide.seo_title,
        "search_description": guide.search_description,
        "first_published_at": datetime_data(guide.first_published_at),
        "last_published_at": datetime_data(guide.last_published_at),
        "cover_image": image_set(request, cover),
        "reading_time": reading_minutes(guide.summary, raw_text(block, raw)),
        "body": body,
        "related_products": cards(related),
        "translations": translations_data(translations),
        "canonical_url": seo["canonical_url"],
        "og_image": seo["og_image"],
        "breadcrumbs": seo["breadcrumbs"],
    }
