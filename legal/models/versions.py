"""``PolicyVersion`` and ``PolicyVersionText``: what was published, frozen."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .immutable import ImmutableModel, ImmutableQuerySet


class PolicyVersion(ImmutableModel):
    """One published state of a policy; never changed, a correction is a new one.

    Made by publishing the policy page (admin, importer, scheduled publish).
    ``label`` is the updated-on date (``2023-05-16``), with ``-2``, ``-3`` … when
    the same date is published again. ``material`` versions ask members for
    consent again; editorial ones do not. The text of each locale is a
    ``PolicyVersionText``: the Chinese at publication, the English once its
    translation is published. Editors see the history and diffs under
    Policies → Version history; the API under ``/api/v1/policies/{slug}/versions/``.
    """

    policy = models.ForeignKey(
        "legal.PolicyPage",
        on_delete=models.PROTECT,
        related_name="versions",
        verbose_name=_("policy"),
        help_text=_("The Chinese source page."),
    )
    label = models.CharField(_("version"), max_length=20)
    updated_on = models.DateField(_("updated on"))
    effective_date = models.DateField(_("effective date"))
    material = models.BooleanField(
        _("material"),
        help_text=_("Members must consent again to this version."),
    )
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    sha256 = models.CharField(
        _("SHA-256"),
        max_length=64,
        help_text=_("Of the source text frozen at publication."),
    )
    revision_id = models.PositiveBigIntegerField(
        _("page revision"), null=True, blank=True, editable=False
    )

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        verbose_name = _("policy version")
        verbose_name_plural = _("policy versions")
        ordering = ["-published_at", "-id"]
        get_latest_by = ["published_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["policy", "label"], name="legal_version_label_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.policy.title} · {self.label}"

    def is_newer_than(self, other: PolicyVersion | None) -> bool:
        if other is None:
            return True
        return (self.published_at, self.pk) > (other.published_at, other.pk)


class PolicyVersionText(ImmutableModel):
    """A version's text in one locale: structured sections, HTML and their hash.

    ``content`` is ``{"title", "updated_on", "intro_html", "sections": [...],
    "contact": [...]}``; ``html`` is the whole policy rendered for frontends.
    The English text of a version exists once a translation of that Chinese
    text was published; until then the API says the English is outdated.
    """

    version = models.ForeignKey(
        PolicyVersion,
        on_delete=models.PROTECT,
        related_name="texts",
        verbose_name=_("version"),
    )
    locale = models.CharField(_("locale"), max_length=10)
    title = models.CharField(_("title"), max_length=255)
    change_summary = models.TextField(_("change summary"), blank=True)
    content = models.JSONField(_("structured content"))
    html = models.TextField(_("HTML"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    created_at = models.DateTimeField(_("frozen at"), default=timezone.now)
    revision_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        verbose_name = _("policy version text")
        verbose_name_plural = _("policy version texts")
        ordering = ["version_id", "locale"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "locale"], name="legal_version_text_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.version.label} ({self.locale})"
