"""``PolicyPage``: the legal statement and privacy policy as an editable page."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.workflows import legal_review_workflow
from core.i18n import source_language
from core.pages import FrontendPageMixin

from ..blocks import RICH_TEXT_FEATURES, PolicyBodyBlock
from ..forms import PolicyPageForm
from ..groups import PolicyPagePermissionTester


class PolicyPage(FrontendPageMixin, Page):
    """A policy (legal statement, privacy policy, or both as in 法律声明及隐私政策).

    Editors in the "Legal" group edit the Chinese source under the home page
    (Pages → 超润 Lubpur → the policy); translators work on the English
    translation with wagtail-localize and Legal reviews and publishes it. Each
    publish freezes an immutable ``PolicyVersion`` (the "Publishing" panel holds
    the editor's decisions for that version). The API never serves this page's
    draft or live fields directly: ``/api/v1/policies/{slug}/`` serves the
    frozen current version.
    """

    updated_on = models.DateField(
        _("updated on"),
        help_text=_("The 更新日期 / 'Updated on' date printed on the policy."),
    )
    effective_date = models.DateField(
        _("effective date"),
        null=True,
        blank=True,
        help_text=_("When this text takes effect; the updated-on date when empty."),
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("The text before the first section (特别提示 …)."),
    )
    body = StreamField(
        PolicyBodyBlock(),
        verbose_name=_("sections"),
        help_text=_(
            "Numbered sections (一、… / 1. …) with sub-sections and numbered items; "
            "unnumbered sections for the legal statement's parts."
        ),
    )
    contact = models.TextField(
        _("contact block"),
        blank=True,
        help_text=_("How to reach us: one line per address or number."),
    )
    material_change = models.BooleanField(
        _("material change"),
        default=True,
        help_text=_(
            "Publishing creates a new version. Tick when the change needs every "
            "member's consent again; untick for editorial corrections."
        ),
    )
    change_summary = models.TextField(
        _("change summary"),
        blank=True,
        help_text=_("What changed in this version, shown in the version history."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("updated_on"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("contact"),
    ]
    promote_panels = Page.promote_panels
    settings_panels = [
        MultiFieldPanel(
            [
                FieldPanel("material_change"),
                FieldPanel("change_summary"),
                FieldPanel("effective_date"),
            ],
            heading=_("Publishing: the next version"),
        ),
        *Page.settings_panels,
    ]
    base_form_class = PolicyPageForm

    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("policy")
        verbose_name_plural = _("policies")

    def permissions_for_user(self, user):
        return PolicyPagePermissionTester(user, self)

    def get_workflow(self):
        """A translated policy goes to Legal's review (cms.workflows), whatever
        the tree around it assigns; the source keeps the tree's."""
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return None
        if self.locale.language_code != source_language():
            workflow = legal_review_workflow()
            if workflow is not None:
                return workflow
        return super().get_workflow()

    @property
    def has_workflow(self):
        return self.get_workflow() is not None
