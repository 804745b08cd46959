"""``/api/v1/categories/`` (the tree) and ``/api/v1/brands/``, in the locale, and
each category's and brand's page (``categories/<slug path>/``, ``brands/<slug>/``)."""

from __future__ import annotations

from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.mixins import ListModelMixin
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from core.errors import NotFound, NotTranslated
from core.pages import brand_frontend_path, category_frontend_path, frontend_url
from delivery import cache_tags as tags
from products import selectors
from products.models import Brand, ProductCategory

from ...caching import CachedPublicView
from ...schema import LOCALE_PARAMETER
from ..serializers import (
    BrandDetailSerializer,
    BrandSerializer,
    CategoryDetailSerializer,
    CategoryNodeSerializer,
    category_tree,
)
from .common import NOT_FOUND_RESPONSE, ContentView


def _translations(versions, exclude_locale_id, path_of) -> list[dict]:
    return [
        {
            "locale": item.locale.language_code,
            "id": item.pk,
            "slug": item.slug,
            "url": path_of(item),
        }
        for item in versions
        if item.locale_id != exclude_locale_id
    ]


def _missing(model, versions, language: str, path_of, what: str) -> NotFound:
    if not versions:
        return NotFound(
            gettext("No {noun} {what!r}.").format(
                noun=model._meta.verbose_name, what=what
            )
        )
    return NotTranslated(
        str(model._meta.verbose_name),
        requested_locale=language,
        available_locales=[item.locale.language_code for item in versions],
        translations=_translations(versions, None, path_of),
    )


def _category_path(category) -> str:
    return category_frontend_path(category.locale.language_code, category.path)


def _brand_path(brand) -> str:
    return brand_frontend_path(brand.locale.language_code, brand.slug)


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
        locale = self.locale
        roots = category_tree(selectors.category_list(locale=locale))
        context = {"language": locale.language_code}
        return Response(CategoryNodeSerializer(roots, many=True, context=context).data)


class CategoryDetailView(CachedPublicView, ContentView):
    """A category's page: the category in the locale, its parent, children,
    breadcrumbs and translations (four queries)."""

    cache_tags = (tags.CATEGORIES,)

    @extend_schema(
        summary="A category",
        parameters=[
            LOCALE_PARAMETER,
            OpenApiParameter(
                "path",
                str,
                OpenApiParameter.PATH,
                description="Slug path, e.g. engine-oil/diesel.",
            ),
        ],
        responses={200: CategoryDetailSerializer, **NOT_FOUND_RESPONSE},
        tags=["content"],
    )
    def get(self, request: Request, path: str) -> Response:
        return Response(category_detail_data(self.locale, path.strip("/")))


def category_missing(locale, path: str) -> NotFound:
    """404: ``not_translated`` when the path is a category in another locale."""
    versions = selectors.snippet_versions(model=ProductCategory, path=path)
    return _missing(
        ProductCategory, versions, locale.language_code, _category_path, path
    )


def brand_missing(locale, slug: str) -> NotFound:
    versions = selectors.snippet_versions(model=Brand, slug=slug)
    return _missing(Brand, versions, locale.language_code, _brand_path, slug)


def category_detail_data(locale, path: str, category=None) -> dict:
    """``CategoryDetailSerializer``'s data of the category at the slug ``path``
    (four queries; three when ``category`` was read already)."""
    if category is None:
        category = selectors.category_get(locale=locale, path=path)
    if category is None:
        raise category_missing(locale, path)
    family = selectors.category_family(category=category)
    ancestors = sorted(
        (node for node in family if category.path.startswith(node.path + "/")),
        key=lambda node: len(node.path),
    )
    versions = selectors.snippet_versions(
        model=ProductCategory, translation_key=category.translation_key
    )
    context = {
        "language": locale.language_code,
        "ancestors": ancestors,
        "children": [node for node in family if node.parent_id == category.pk],
        "canonical_url": frontend_url(_category_path(category)),
        "translations": _translations(versions, category.locale_id, _category_path),
    }
    return CategoryDetailSerializer(category, context=context).data


def brand_detail_data(view: CachedPublicView, locale, slug: str, brand=None) -> dict:
    """``BrandDetailSerializer``'s data of the brand ``slug`` (its logo's image
    tagged on ``view``'s cached answer)."""
    if brand is None:
        brand = selectors.brand_get(locale=locale, slug=slug)
    if brand is None:
        raise brand_missing(locale, slug)
    if brand.logo_id:
        view.cache_tag(f"image:{brand.logo_id}")
    versions = selectors.snippet_versions(
        model=Brand, translation_key=brand.translation_key
    )
    context = {
        "request": view.request,
        "language": locale.language_code,
        "canonical_url": frontend_url(_brand_path(brand)),
        "translations": _translations(versions, brand.locale_id, _brand_path),
    }
    return BrandDetailSerializer(brand, context=context).data


@extend_schema_view(
    list=extend_schema(
        summary="List brands", parameters=[LOCALE_PARAMETER], tags=["content"]
    ),
    retrieve=extend_schema(
        summary="A brand",
        parameters=[LOCALE_PARAMETER],
        responses={200: BrandDetailSerializer, **NOT_FOUND_RESPONSE},
        tags=["content"],
    ),
)
class BrandViewSet(CachedPublicView, ListModelMixin, ContentView, GenericViewSet):
    """Brands in the requested locale, by name."""

    cache_tags = (tags.BRANDS,)

    serializer_class = BrandSerializer
    queryset = Brand.objects.none()  # for the schema; see get_queryset
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        return selectors.brand_list(locale=self.locale)

    def get_serializer_context(self):
        return {
            **super().get_serializer_context(),
            "language": self.locale.language_code,
        }

    def paginate_queryset(self, queryset):
        brands = super().paginate_queryset(queryset)
        logos = brands if brands is not None else []
        self.cache_tag(*(f"image:{brand.logo_id}" for brand in logos if brand.logo_id))
        return brands

    def retrieve(self, request: Request, slug: str) -> Response:
        return Response(brand_detail_data(self, self.locale, slug))
