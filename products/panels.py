"""Admin panels of the catalogue.

``CodeListPanel`` edits a child relation of one short code per row (a product's
specifications and approvals: API CK-4, DIN 51524-2 HLP …) as one compact,
orderable list: a text box per row with move, drag and delete beside it, and one
*Add* button, instead of Wagtail's default panel-per-item with its own heading.
It is Wagtail's ``InlinePanel`` (same formset, same JavaScript, same storage:
one ``ProductSpecification`` row per code in the order shown), only drawn
differently, so the API, search, facets and wagtail-localize's synchronisation
of the relation are unchanged.
"""

from __future__ import annotations

from wagtail.admin.panels import InlinePanel


class CodeListPanel(InlinePanel):
    """An ``InlinePanel`` over a relation whose rows have one field, ``field``."""

    def __init__(self, relation_name, *, field: str, add_label="", **kwargs):
        self.field = field
        self.add_label = add_label
        super().__init__(relation_name, **kwargs)

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs.update(field=self.field, add_label=self.add_label)
        return kwargs

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "products/admin/code_list_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["field_name"] = self.panel.field
            context["add_label"] = self.panel.add_label or self.label
            return context
