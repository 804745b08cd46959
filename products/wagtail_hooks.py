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
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, IntegerField, Q, When
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.views.pages.listing import IndexView as PageIndexView
from wagtail.admin.views.pages.search import SearchView, page_filter_search
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet, PageViewSet
from wagtail.models import Page, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .choosers import CategoryChooserViewSet, LocalisedChooserViewSet
from .models import (
    BaseOil,
    Brand,
    GuideIndexPage,
    GuidePage,
    ProductCategory,
    ProductIndexPage,
    ProductPage,
    SearchSynonym,
)
from .search.models import SearchKind
from .search.selectors import admin_page_ids
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


# --- admin search through the project's engine ---------------------------------------
# Wagtail's database search neither segments Chinese nor knows grades and codes, so
# the catalogue listings and the global page search ask ``products.search`` too: 液压油,
# 抗磨液压油, LP-HM46, HM46 and 5w30 find the products. The engine indexes published
# pages; drafts are still found by title (and SKU) as before.


def _ranked(queryset, ids: list[int]):
    """``queryset`` in the order of ``ids`` (the engine's best first)."""
    if not ids:
        return queryset
    rank = Case(
        *[When(pk=pk, then=position) for position, pk in enumerate(ids)],
        default=len(ids),
        output_field=IntegerField(),
    )
    return queryset.annotate(engine_rank=rank).order_by("engine_rank", "-pk")


class CatalogueIndexView(PageIndexView):
    """The product or guide listing, searched by the engine plus title/SKU."""

    search_kind = SearchKind.PRODUCT
    code_field: str | None = None

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        text = self.search_query
        ids = admin_page_ids(text=text, kinds=[self.search_kind])
        plain = Q(title__icontains=text)
        if self.code_field:
            plain |= Q(**{f"{self.code_field}__icontains": text})
        found = queryset.filter(Q(pk__in=ids) | plain)
        return found if self.is_explicitly_ordered else _ranked(found, ids)


class ProductIndexView(CatalogueIndexView):
    code_field = "sku"


class GuideIndexView(CatalogueIndexView):
    search_kind = SearchKind.GUIDE


class EnginePageSearchView(SearchView):
    """Wagtail's page search (the sidebar's search box), with the engine's
    products and guides first, then Wagtail's own matches of any page type."""

    WAGTAIL_LIMIT = 200
    # Wagtail's view leaves it unset and its count reads "1-2 of 2 None".
    verbose_name_plural = _("pages")

    def get_queryset(self):
        self.all_pages = Page.objects.all()
        if self.show_locale_labels:
            self.all_pages = self.all_pages.select_related("locale")
        explorable = self.permission_policy.explorable_instances(self.request.user)
        self.all_pages = self.all_pages.filter(
            pk__in=explorable.values_list("pk", flat=True)
        )
        text = (self.search_query or "").strip()
        if not text:
            return super().get_queryset()
        # Wagtail's matches (it also understands live:yes and the like) …
        wagtail_found, _all = page_filter_search(text, self.all_pages, None, None)
        ids = admin_page_ids(text=text)
        ids += [page.pk for page in wagtail_found[: self.WAGTAIL_LIMIT]]
        ids = list(dict.fromkeys(ids))
        self.all_pages = self.all_pages.filter(pk__in=ids)
        pages = self.all_pages
        if self.selected_content_type:
            pages = pages.filter(content_type=self.selected_content_type)
        self.content_types = [
            (ContentType.objects.get_for_id(row["content_type"]), row["n"])
            for row in self.all_pages.values("content_type").annotate(n=Count("pk"))
        ]
        pages = self.annotate_queryset(pages)
        if self.ordering:
            return pages.order_by(self.ordering)
        return _ranked(pages, ids)


class EngineSearchPageViewSet(PageViewSet):
    """Wagtail's base page viewset with the engine-aware page search."""

    model = Page
    search_view_class = EnginePageSearchView


@hooks.register("register_admin_viewset")
def register_engine_page_search():
    return EngineSearchPageViewSet()


class SectionMenuItem(MenuItem):
    """Shown to those who may edit the section (its index page is among the
    pages they may change or publish: Editors, Translators); Sales, Legal (who
    may only add policies under the homes) and the privacy officer do not see
    it."""

    section_type: type[Page]

    def is_shown(self, request):
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(
            request.user, ["change", "publish"]
        )
        return editable.type(self.section_type).exists()


class ProductsMenuItem(SectionMenuItem):
    section_type = ProductIndexPage


class GuidesMenuItem(SectionMenuItem):
    section_type = GuideIndexPage


class ProductPageListingViewSet(PageListingViewSet):
    model = ProductPage
    menu_item_class = ProductsMenuItem
    icon = "pick"
    menu_label = _("Product pages")
    name = "product_pages"
    index_view_class = ProductIndexView
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
    menu_item_class = GuidesMenuItem
    icon = "doc-full"
    menu_label = _("Guide pages")
    name = "guide_pages"
    index_view_class = GuideIndexView
    filterset_class = GuidePageFilterSet
    columns = [
        *PageListingViewSet.columns,
        Column("date", label=_("Published date"), sort_key="date"),
    ]


class BrandViewSet(SnippetViewSet):
    model = Brand
    icon = "tag"
    menu_label = _("Brands")
    chooser_viewset_class = LocalisedChooserViewSet
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
    # The chooser of the product editor's Categories: searchable, as a tree.
    chooser_viewset_class = CategoryChooserViewSet
    chooser_per_page = 50
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


# --- the editors' dashboard -----------------------------------------------------------

EDITORS_GROUP = "Editors"  # the staff group of that name (members/migrations/0003)
CATALOGUE_PAGE_TYPES = (ProductPage, GuidePage)
LISTED = 8


class CatalogueWorkPanel(Component):
    """Dashboard for editors: catalogue pages with unpublished changes (drafts)
    and catalogue pages in a review workflow, newest first, each linking to its
    editor."""

    name = "catalogue_work"
    order = 70
    template_name = "products/admin/catalogue_work_panel.html"

    def get_context_data(self, parent_context=None):
        pages = Page.objects.type(*CATALOGUE_PAGE_TYPES).select_related("locale")
        drafts = pages.filter(has_unpublished_changes=True).order_by(
            "-latest_revision_created_at", "-pk"
        )
        review_ids = (
            WorkflowState.objects.active()
            .filter(base_content_type=ContentType.objects.get_for_model(Page))
            .values_list("object_id", flat=True)
        )
        in_review = pages.filter(pk__in=[int(pk) for pk in review_ids]).order_by(
            "-latest_revision_created_at", "-pk"
        )
        return {
            "drafts": drafts[:LISTED],
            "draft_count": drafts.count(),
            "in_review": in_review[:LISTED],
            "review_count": in_review.count(),
        }


@hooks.register("construct_homepage_panels")
def add_catalogue_work_panel(request, panels):
    user = request.user
    if user.is_superuser or user.groups.filter(name=EDITORS_GROUP).exists():
        panels.append(CatalogueWorkPanel())
