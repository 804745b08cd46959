"""``/api/v1/categories/`` (the tree) and ``/api/v1/brands/``, in the locale."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.mixins import ListModelMixin
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from delivery import cache_tags as tags
from products import selectors
from products.models import Brand

from ...caching import CachedPublicView
from ...schema import LOCALE_PARAMETER
from ..serializers import BrandSerializer, CategoryNodeSerializer, category_tree
from .common import ContentView


class CategoryTreeView(CachedPublicView, ContentView):
    """Every product category in the locale, nested: the top-level categories
    with their ``children``. Not paginated (the tree is small and whole)."""

    cache_tags = (tags.CATEGORIES,)

    @extend_schema(
        summary="The category tree",
        parameters=[LOCALE_PARAMETER],
        responses=CategoryNodeSerializer(many=True),
        tags=["content"],
    )
    def get(self, request: Request) -> Response:
        roots = category_tree(selectors.category_list(locale=self.locale))
        return Response(CategoryNodeSerializer(roots, many=True).data)


@extend_schema_view(
    list=extend_schema(
        summary="List brands", parameters=[LOCALE_PARAMETER], tags=["content"]
    )
)
class BrandViewSet(CachedPublicView, ListModelMixin, ContentView, GenericViewSet):
    """Brands in the requested locale, by name."""

    cache_tags = (tags.BRANDS,)

    serializer_class = BrandSerializer
    queryset = Brand.objects.none()  # for the schema; see get_queryset

    def get_queryset(self):
        return selectors.brand_list(locale=self.locale)

    def paginate_queryset(self, queryset):
        brands = super().paginate_queryset(queryset)
        logos = brands if brands is not None else []
        self.cache_tag(*(f"image:{brand.logo_id}" for brand in logos if brand.logo_id))
        return brands
