"""The policy page's admin form: each new version starts as a material change."""

from wagtail.admin.forms import WagtailAdminPageForm


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
