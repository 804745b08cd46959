"""The product-category chooser: searchable, and showing the tree.

The product editor's *Categories* field opens this chooser (Wagtail's snippet
chooser viewset, ``ProductCategoryViewSet.chooser_viewset_class``). An editor
types 液压 or "hydraulic" and sees the matching categories with everything below
them, each as its path from the top (``工业油 › 液压油``), in tree order; the
language filter narrows it to one locale. The chosen category shows the same
path in the form.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm, LocaleFilterMixin
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenView,
)
from wagtail.snippets.widgets import AdminSnippetChooser

from .selectors import category_search, category_tree_labels


class CategorySearchForm(BaseFilterForm):
    """Search by name in any language, slug or slug path (the ORM: category
    names are short, and Chinese must match without a segmenter)."""

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Name, in Chinese or English")}),
        required=False,
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            objects = category_search(queryset=objects, q=query)
            self.is_searching = True
            self.search_query = query
        return objects


class CategoryFilterForm(LocaleFilterMixin, CategorySearchForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "locale" in self.fields:  # Wagtail leaves it unlabelled ("Locale")
            self.fields["locale"].label = _("Language")


class CategoryTreeChooseMixin:
    """Rows in tree order, titled with the category's path from the top."""

    filter_form_class = CategoryFilterForm
    ordering = ["locale_id", "path"]
    labels: dict[int, str]

    def get_results_page(self, request):
        results = super().get_results_page(request)  # type: ignore[misc]
        self.labels = category_tree_labels(
            locale_ids={category.locale_id for category in results}
        )
        return results

    @property
    def title_column(self):
        column = super().title_column  # type: ignore[misc]
        column.label = _("Category")
        column.accessor = lambda category: self.labels.get(category.pk, str(category))
        return column


class CategoryChooseView(CategoryTreeChooseMixin, ChooseView):
    pass


class CategoryChooseResultsView(CategoryTreeChooseMixin, ChooseResultsView):
    pass


def tree_label(category) -> str:
    return category_tree_labels(locale_ids=[category.locale_id]).get(
        category.pk, str(category)
    )


class CategoryChosenView(SnippetChosenView):
    def get_display_title(self, instance):
        return tree_label(instance)


class CategoryChooserWidget(AdminSnippetChooser):
    def get_display_title(self, instance):
        return tree_label(instance)


class LocalisedChooserViewSet(SnippetChooserViewSet):
    """Every snippet chooser of the project: Wagtail's default title is gettext at
    import time, so the English admin showed the modal as "选择 product category";
    lazy, it follows the user's language."""

    page_title = _("Choose")


class CategoryChooserViewSet(LocalisedChooserViewSet):
    choose_view_class = CategoryChooseView
    choose_results_view_class = CategoryChooseResultsView
    chosen_view_class = CategoryChosenView
    base_widget_class = CategoryChooserWidget
