"""``/api/v1/products/facets/``: the catalogue sidebar's counts.

Takes the product list's parameters (``q`` and every filter, each repeatable)
and answers, per facet, how many products each value would give with the query
and the *other* filters (``products.facets``); ``count`` is the list's count
with everything applied. A fixed number of queries, cached like the list.
"""

from __future__ import annotations

from django_filters.utils import translate_validation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from delivery import cache_tags as tags
from products import selectors
from products.facets import FACET_NAMES, product_facets
from products.models import BaseOil

from ..caching import CachedPublicView
from ..schema import LOCALE_PARAMETER
from .filters import ProductFilter
from .views.common import ContentView


def _repeatable(name: str, help_text: str, enum=None) -> OpenApiParameter:
    return OpenApiParameter(
        name,
        {
            "type": "array",
            "items": {"type": "string", **({"enum": enum} if enum else {})},
        },
        explode=True,
        description=help_text + " Repeat for several (any of them).",
    )


FILTER_PARAMETERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Full-text search."),
    _repeatable("brand", "Brand slug."),
    _repeatable("category", "Category slug (its sub-categories included)."),
    _repeatable("base_oil", "Base oil.", enum=list(BaseOil.values)),
    _repeatable("viscosity_grade", "A grade, however written (`VG46`, `5w30`)."),
    _repeatable("specification", "A specification (`API CK-4`, `CK-4`)."),
]


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField(
        help_text="What to pass to the filter of the same name (a slug, a code)."
    )
    name = serializers.CharField(help_text="What to show, in the requested locale.")
    count = serializers.IntegerField(
        help_text="Products with this value, the query and the other filters."
    )
    selected = serializers.BooleanField(help_text="Asked for in this request.")


class CategoryFacetSerializer(FacetValueSerializer):
    path = serializers.CharField(help_text="Slug path, e.g. engine-oil/diesel.")
    children = serializers.ListField(
        child=serializers.DictField(),
        help_text="Sub-categories, the same shape. A product counts in its "
        "categories and every category above them, once.",
    )


class FacetsSerializer(serializers.Serializer):
    brand = FacetValueSerializer(many=True)
    category = CategoryFacetSerializer(many=True)
    base_oil = FacetValueSerializer(many=True)
    viscosity_grade = FacetValueSerializer(
        many=True,
        help_text="Spellings of one grade (ISO VG 46, VG46) counted as one.",
    )
    specification = FacetValueSerializer(many=True)


class FacetsResponseSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Products matching every filter.")
    facets = FacetsSerializer()


def _value(item) -> dict:
    data = {
        "value": item.value,
        "name": item.label,
        "count": item.count,
        "selected": item.selected,
    }
    if item.path:
        data["path"] = item.path
        data["children"] = [_value(child) for child in item.children]
    return data


class ProductFacetsView(CachedPublicView, ContentView):
    """Facet counts for the catalogue sidebar."""

    cache_tags = (tags.PRODUCTS, tags.TREE, tags.BRANDS, tags.CATEGORIES)

    @extend_schema(
        summary="Facet counts for the product list",
        description="The same parameters as `GET /api/v1/products/` (page and "
        "ordering aside). Each facet counts its values among the products matching "
        "`q` and the other filters, so a chosen value's siblings keep their counts.",
        parameters=[*FILTER_PARAMETERS, LOCALE_PARAMETER],
        responses={200: FacetsResponseSerializer},
        tags=["content"],
    )
    def get(self, request: Request) -> Response:
        locale = self.locale
        base = selectors.product_list_base(locale=locale)
        form = ProductFilter(request.query_params, queryset=base, request=request).form
        if not form.is_valid():
            raise translate_validation(form.errors)
        filters = {
            name: [v for v in request.query_params.getlist(name) if v.strip()]
            for name in (*FACET_NAMES, "q")
        }
        filters = {name: values for name, values in filters.items() if values}
        found = product_facets(base=base, filters=filters, locale=locale)
        return Response(
            {
                "count": found.count,
                "facets": {
                    name: [_value(item) for item in values]
                    for name, values in found.facets.items()
                },
            }
        )
