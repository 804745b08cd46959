"""The catalogue in the Wagtail admin: a *Products* menu with everything in one place.

* *Product pages* / *Guide pages*: flat listings of every product or guide in every
  language, filterable (brand, category, base oil, language) and searchable; edit
  and preview open Wagtail's usual page editor.
* *Brands* / *Product categories*: translatable snippets (wagtail-localize adds
  *Translate* to each); categories list their slug path so the tree is visible.
* *Search synonyms*: groups of equivalent terms per language (黄油 = 润滑脂) the
  public search applies when querying.
* *Import products*: upload a CSV/JSON file (``products.views.ProductImportView``).
"""

from __future__ import annotations

import django_filters
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import (
    BaseOil,
    Brand,
    GuidePage,
    ProductCategory,
    ProductPage,
    SearchSynonym,
)
from .selectors import category_with_descendants
from .views import ProductImportView, user_can_import

LANGUAGE_COLUMN = Column(
    "locale", label=_("Language"), accessor="locale.get_display_name"
)


class ProductPageFilterSet(PageListingViewSet.filterset_class):
    brand = django_filters.ModelChoiceFilter(
        label=_("Brand"), queryset=Brand.objects.select_related("locale")
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Category (with sub-categories)"),
        queryset=ProductCategory.objects.select_related("locale"),
        method="filter_category",
    )
    base_oil = django_filters.ChoiceFilter(label=_("Base oil"), choices=BaseOil.choices)

    class Meta:
        model = ProductPage
        fields = ["locale"]

    def filter_category(self, queryset, name, value):
        nested = category_with_descendants(category=value)
        return queryset.filter(category_links__category__in=nested).distinct()


class ProductPageListingViewSet(PageListingViewSet):
    model = ProductPage
    icon = "pick"
    menu_label = _("Product pages")
    name = "product_pages"
    filterset_class = ProductPageFilterSet
    columns = [
        *PageListingViewSet.columns,
        Column("sku", label=_("SKU"), sort_key="sku"),
        Column("brand", label=_("Brand")),
        Column(
            "viscosity_grade", label=_("Viscosity grade"), sort_key="viscosity_grade"
        ),
    ]


class GuidePageFilterSet(PageListingViewSet.filterset_class):
    class Meta:
        model = GuidePage
        fields = ["locale"]


class GuidePageListingViewSet(PageListingViewSet):
    model = GuidePage
    icon = "doc-full"
    menu_label = _("Guide pages")
    name = "guide_pages"
    filterset_class = GuidePageFilterSet
    columns = [
        *PageListingViewSet.columns,
        Column("date", label=_("Published date"), sort_key="date"),
    ]


class BrandViewSet(SnippetViewSet):
    model = Brand
    icon = "tag"
    menu_label = _("Brands")
    list_display = [
        "name",
        "slug",
        LANGUAGE_COLUMN,
        "website",
        UpdatedAtColumn(label=_("Updated")),
    ]
    list_filter = ["locale"]
    # Plain ORM search: brand names are short, and Chinese names must match.
    search_backend_name = None
    search_fields = ["name", "slug"]
    ordering = ["name"]


class ProductCategoryViewSet(SnippetViewSet):
    model = ProductCategory
    icon = "folder-open-inverse"
    menu_label = _("Product categories")
    list_display = [
        "name",
        Column("path", label=_("Slug path"), sort_key="path"),
        LANGUAGE_COLUMN,
        "parent",
        "sort_order",
    ]
    list_filter = ["locale", "parent"]
    search_backend_name = None
    search_fields = ["name", "slug", "path"]
    ordering = ["path"]


class SearchSynonymViewSet(SnippetViewSet):
    """Synonym groups the public search applies when querying (黄油 = 润滑脂)."""

    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["__str__", LANGUAGE_COLUMN, "note"]
    list_filter = ["locale"]
    search_backend_name = None
    search_fields = ["terms", "note"]
    ordering = ["locale", "terms"]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_import(request.user)


class ProductImportViewSet(ViewSet):
    name = "product_import"
    icon = "upload"
    menu_label = _("Import products")

    def get_urlpatterns(self):
        return [path("", ProductImportView.as_view(), name="index")]

    @property
    def menu_url(self):
        return reverse(self.get_url_name("index"))

    def get_menu_item(self, order=None):
        return ImportMenuItem(
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=order if order is not None else self.menu_order,
        )


class CatalogueViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Products")
    menu_icon = "pick"
    menu_order = 150
    items = (
        ProductPageListingViewSet,
        GuidePageListingViewSet,
        BrandViewSet,
        ProductCategoryViewSet,
        SearchSynonymViewSet,
        ProductImportViewSet,
    )


# One menu for the catalogue; register_snippet also makes Brand and ProductCategory
# snippets (choosers, wagtail-localize's Translate action).
register_snippet(CatalogueViewSetGroup)
