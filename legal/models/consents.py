"""``ConsentRecord``: the append-only ledger of consents given and withdrawn."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .immutable import ImmutableModel, ImmutableQuerySet


class ConsentQuerySet(ImmutableQuerySet):
    # Deleting a user (SET_NULL) and pseudonymising records only ever blank the link.
    nullable_on_update = frozenset({"user"})


class ConsentRecord(ImmutableModel):
    """One consent event, kept for ever as the proof of what someone agreed to.

    Either a member (``user``) or an anonymous visitor (``visitor_id``) accepted
    or withdrew a policy version (``policy`` + ``version``), or granted or refused
    an optional purpose (``purpose``: marketing e-mail, tracking …). The locale
    shown, the channel, the user agent and a truncated IP address (/24 for IPv4,
    /48 for IPv6) are recorded; ``receipt_id`` is returned to the client.
    Records are never changed or deleted: when a member cancels their account the
    link to the user is blanked and ``subject_pseudonym`` remains. The privacy
    officer filters and exports them under Policies → Consent records; members
    see theirs through ``/api/v1/me/consents/``.
    """

    class Action(models.TextChoices):
        ACCEPTED = "accepted", _("accepted")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Channel(models.TextChoices):
        WEB = "web", _("web")
        APP = "app", _("app")
        MINI_PROGRAM = "mini_program", _("mini-program")

    class Purpose(models.TextChoices):
        MARKETING_EMAIL = "marketing_email", _("marketing e-mail")
        EMAIL_TRACKING = "email_tracking", _("e-mail tracking")
        PERSONALISED_RECOMMENDATIONS = (
            "personalised_recommendations",
            _("personalised recommendations"),
        )
        GUARDIAN = "guardian", _("guardian consent (minor)")
        # A child under 14: their data is sensitive personal information, processed
        # only with this separate, explicit consent (PIPL art. 28, 29, 31).
        CHILD_SENSITIVE = "child_sensitive", _("sensitive data of a child under 14")

    receipt_id = models.UUIDField(
        _("receipt"), default=uuid.uuid4, unique=True, editable=False
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consent_records",
        verbose_name=_("member"),
    )
    subject_pseudonym = models.CharField(
        _("pseudonymous subject id"),
        max_length=80,
        blank=True,
        db_index=True,
        help_text=_("Stays when the member's account is cancelled."),
    )
    visitor_id = models.CharField(
        _("visitor id"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_("The anonymous visitor id a frontend sent with a notice receipt."),
    )
    policy = models.ForeignKey(
        "legal.PolicyPage",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consent_records",
        verbose_name=_("policy"),
    )
    version = models.ForeignKey(
        "legal.PolicyVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consent_records",
        verbose_name=_("version"),
    )
    purpose = models.CharField(
        _("purpose"), max_length=40, choices=Purpose.choices, blank=True
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    locale = models.CharField(_("locale shown"), max_length=10, blank=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    user_agent = models.CharField(_("user agent"), max_length=512, blank=True)
    ip_address = models.GenericIPAddressField(
        _("IP address (truncated)"), null=True, blank=True
    )
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "policy", "-created_at"]),
            models.Index(fields=["user", "purpose", "-created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(policy__isnull=False) | ~models.Q(purpose=""),
                name="legal_consent_policy_or_purpose",
            )
        ]

    @property
    def subject(self) -> str:
        """Who: the member's pseudonymous id, or the anonymous visitor id."""
        if self.subject_pseudonym:
            return self.subject_pseudonym
        return f"visitor {self.visitor_id}" if self.visitor_id else ""

    def __str__(self) -> str:
        subject = self.version.label if self.version else self.purpose
        return f"{self.receipt_id} {self.action} {subject}"
