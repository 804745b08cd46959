"""Admin views of the catalogue: the product import upload.

Editors upload the same CSV/JSON file ``manage.py import_products`` takes; the view
calls ``products.importer.products_import`` and shows its report, or every bad
row with its line number when the file is rejected (then nothing is written).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .importer import COLUMNS, ImportFailed, products_import
from .models import ProductIndexPage


def user_can_import(user) -> bool:
    """Importing adds and publishes product pages in every language, so it needs
    add and publish permission on every products section."""
    if not (user.is_active and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    sections = list(ProductIndexPage.objects.all())
    return bool(sections) and all(
        section.permissions_for_user(user).can_add_subpage()
        and section.permissions_for_user(user).can_publish_subpage()
        for section in sections
    )


class ProductImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "UTF-8 CSV with a header row, or a JSON list of objects. Columns: %s."
        )
        % ", ".join(COLUMNS),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.json"}),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run"),
        required=False,
        help_text=_("Check the file and show what would change, without saving."),
    )


class ProductImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "products/admin/import.html"
    form_class = ProductImportForm
    page_title = _("Import products")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not user_can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("product_import:index"), "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(columns=COLUMNS, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            report = products_import(
                data=upload.read(),
                filename=upload.name,
                dry_run=form.cleaned_data["dry_run"],
                user=self.request.user,
            )
        except ImportFailed as exc:
            messages.error(self.request, exc.detail)
            return self.render_to_response(
                self.get_context_data(form=form, row_errors=exc.row_errors)
            )
        messages.success(self.request, report.summary())
        return self.render_to_response(
            self.get_context_data(form=self.form_class(), report=report)
        )
