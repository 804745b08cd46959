"""Query parameters of the content lists (django-filter); a bad value is a 400."""

from __future__ import annotations

import django_filters
from django.db.models import Exists, OuterRef

from products import selectors
from products.models import (
    BaseOil,
    GuidePageTag,
    GuideProductLink,
    ProductSpecification,
)

from ..locales import requested_locale


class StableOrderingFilter(django_filters.OrderingFilter):
    """``ordering`` with the primary key as the last tie-breaker, so pages of a
    list never overlap."""

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        if value:
            qs = qs.order_by(*qs.query.order_by, "pk")
        return qs


class ProductFilter(django_filters.FilterSet):
    category = django_filters.CharFilter(
        method="filter_category",
        help_text="Category slug; products of its sub-categories are included.",
    )
    brand = django_filters.CharFilter(field_name="brand__slug", help_text="Brand slug.")
    viscosity_grade = django_filters.CharFilter(
        lookup_expr="iexact", help_text="e.g. `SAE 5W-30`, `ISO VG 46`."
    )
    base_oil = django_filters.ChoiceFilter(choices=BaseOil.choices)
    specification = django_filters.CharFilter(
        method="filter_specification",
        help_text="A specification or approval, e.g. `API CK-4` (case-insensitive).",
    )
    q = django_filters.CharFilter(method="filter_q", help_text="Full-text search.")
    ordering = StableOrderingFilter(
        fields=(
            ("title", "title"),
            ("sku", "sku"),
            ("viscosity_grade", "viscosity_grade"),
            ("first_published_at", "first_published_at"),
            ("last_published_at", "last_published_at"),
        ),
        help_text="Default: the editors' order (search relevance with `q`).",
    )

    def filter_category(self, queryset, name, value):
        return selectors.products_in_category(queryset=queryset, slug=value)

    def filter_specification(self, queryset, name, value):
        specs = ProductSpecification.objects.filter(
            page=OuterRef("pk"), code__iexact=value.strip()
        )
        return queryset.filter(Exists(specs))

    def filter_q(self, queryset, name, value):
        if not value.strip():
            return queryset
        locale = requested_locale(self.request)
        return selectors.product_search(
            queryset=queryset, q=value.strip(), locale=locale
        )


class GuideFilter(django_filters.FilterSet):
    tag = django_filters.CharFilter(method="filter_tag", help_text="Tag slug.")
    product = django_filters.CharFilter(
        method="filter_product", help_text="SKU of a product the guide discusses."
    )
    q = django_filters.CharFilter(method="filter_q", help_text="Full-text search.")
    ordering = StableOrderingFilter(
        fields=(("date", "date"), ("title", "title")),
        help_text="Default: newest first (search relevance with `q`).",
    )

    def filter_tag(self, queryset, name, value):
        tagged = GuidePageTag.objects.filter(
            content_object=OuterRef("pk"), tag__slug=value
        )
        return queryset.filter(Exists(tagged))

    def filter_product(self, queryset, name, value):
        links = GuideProductLink.objects.filter(
            page=OuterRef("pk"), product__sku__iexact=value.strip()
        )
        return queryset.filter(Exists(links))

    def filter_q(self, queryset, name, value):
        if not value.strip():
            return queryset
        locale = requested_locale(self.request)
        return selectors.guide_search(queryset=queryset, q=value.strip(), locale=locale)
