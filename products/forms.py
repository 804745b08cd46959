"""The product page's admin form: a SKU conflict links to the page holding it.

``ProductPage.clean`` refuses a SKU another product of the language uses (a draft
too, e.g. one autosave left behind) with a plain-text message; in the admin the
message names the holder as a link to its edit page, so the editor can open it,
fix or delete it. The holder's title is escaped (``format_html``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminPageForm

SKU_TAKEN = "sku_taken"  # the code of ProductPage.clean's SKU conflict


def sku_taken_message(holder) -> str:
    """HTML: "… already uses this SKU: <a href=edit>title</a> (draft)."."""
    status = gettext("published") if holder.live else gettext("draft, not published")
    return format_html(
        gettext("Another product already uses this SKU: {link} ({status})."),
        link=format_html(
            '<a href="{}">{}</a>',
            reverse("wagtailadmin_pages:edit", args=[holder.pk]),
            holder.draft_title or holder.title,
        ),
        status=status,
    )


class ProductPageForm(WagtailAdminPageForm):
    def _post_clean(self):
        super()._post_clean()
        errors = self._errors.get("sku") if self._errors else None
        if not errors:
            return
        for position, error in enumerate(errors.as_data()):
            if error.code == SKU_TAKEN:
                holder = self.instance.sku_holder()
                if holder is not None:
                    errors.data[position] = ValidationError(
                        sku_taken_message(holder), code=SKU_TAKEN
                    )
