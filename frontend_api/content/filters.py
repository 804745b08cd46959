"""Query parameters of the content lists (django-filter); a bad value is a 400."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from drf_spectacular.drainage import set_override

from products import selectors
from products.facets import product_conditions
from products.models import (
    BaseOil,
    GuidePageTag,
    GuideProductLink,
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


MAX_VALUES = 20
MAX_VALUE_LENGTH = 100


class ValuesField(forms.MultipleChoiceField):
    """Any values (repeat the parameter for several), each of bounded length."""

    default_error_messages = {
        "invalid_choice": _("Each value must be at most %(max)d characters."),
        "too_many": _("At most %(max)d values."),
    }

    def valid_value(self, value) -> bool:
        return 0 < len(str(value)) <= MAX_VALUE_LENGTH

    def validate(self, value) -> None:
        if len(value or ()) > MAX_VALUES:
            raise forms.ValidationError(
                self.error_messages["too_many"],
                code="too_many",
                params={"max": MAX_VALUES},
            )
        for item in value or ():
            if not self.valid_value(item):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"max": MAX_VALUE_LENGTH},
                )


class ValuesFilter(django_filters.MultipleChoiceFilter):
    """Several values of one filter (``category=a&category=b``): a product
    matching any of them matches (``products.facets``)."""

    field_class = ValuesField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("method", "filter_values")
        super().__init__(*args, choices=(), **kwargs)
        # the schema: a repeatable string with this filter's help
        set_override(
            self,
            "field",
            {"type": "string", "description": str(kwargs.get("help_text", ""))},
        )


class ProductFilter(django_filters.FilterSet):
    """Filters of the catalogue (the sidebar): each may be repeated for several
    values (any of them), grades and specifications are compared as search
    compares them (``VG46`` = ``ISO VG 46``, ``CK4`` finds ``API CK-4``)."""

    category = ValuesFilter(
        help_text="Category slug; products of its sub-categories are included. "
        "Repeat for several (any of them).",
    )
    brand = ValuesFilter(help_text="Brand slug. Repeat for several (any of them).")
    viscosity_grade = ValuesFilter(
        help_text="e.g. `SAE 5W-30`, `5w30`, `ISO VG 46`, `VG46`, `NLGI 2`, `2号`. "
        "Repeat for several (any of them).",
    )
    base_oil = django_filters.MultipleChoiceFilter(
        choices=BaseOil.choices, help_text="Repeat for several (any of them)."
    )
    specification = ValuesFilter(
        help_text="A specification or approval, e.g. `API CK-4` or `CK-4`. "
        "Repeat for several (any of them).",
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

    def filter_values(self, queryset, name, value):
        if not value:
            return queryset
        conditions = product_conditions(
            filters={name: list(value)},
            locale=requested_locale(self.request),
            queryset=queryset,
        )
        return queryset.filter(*conditions.values())

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
