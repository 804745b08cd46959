"""The policy page's admin form: each new version starts as a material change, and
publishing a material change asks Legal for a change summary."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from core.i18n import source_language


class PolicyPageForm(WagtailAdminPageForm):
    """Resets "material change" and the change summary when a new draft begins.

    They describe one publication, so a draft started from the live page should
    not inherit the last version's answers: the default is material (consent
    again) until the editor says otherwise. A draft already in progress keeps
    what the editor chose.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        starting_new_draft = page.pk and page.live and not page.has_unpublished_changes
        if starting_new_draft and not self.is_bound:
            self.initial["material_change"] = True
            self.initial["change_summary"] = ""

    def clean(self):
        """A material change of a published policy needs a summary: members are
        asked to consent again and shown what changed (issue 13)."""
        cleaned = super().clean()
        page = self.instance
        publishing = "action-publish" in self.data
        if (
            publishing
            and page.pk
            and page.live
            and page.locale.language_code == source_language()
            and cleaned.get("material_change")
            and not (cleaned.get("change_summary") or "").strip()
        ):
            self.add_error(
                "change_summary",
                forms.ValidationError(
                    _(
                        "Summarise what changed: members are asked to consent "
                        "again and shown this summary."
                    ),
                    code="summary_required",
                ),
            )
        return cleaned
