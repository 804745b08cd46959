"""A member's request to exercise a privacy right, and the staff's answer.

Members file requests with ``POST /api/v1/me/privacy-requests/`` and follow them with
``GET``; the privacy officer works the queue under *Members → Privacy requests* in
the Wagtail admin, where overdue requests are highlighted and counted on the
dashboard.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PrivacyRequestQuerySet(models.QuerySet):
    def pending(self) -> PrivacyRequestQuerySet:
        return self.filter(
            status__in=[PrivacyRequest.Status.OPEN, PrivacyRequest.Status.IN_PROGRESS]
        )

    def overdue(self, today: datetime.date | None = None) -> PrivacyRequestQuerySet:
        """Pending requests whose due date has passed (Asia/Shanghai calendar)."""
        return self.pending().filter(due_on__lt=today or timezone.localdate())


class PrivacyRequest(models.Model):
    """One request (access, correction, deletion …) with its due date and answer.

    The due date is counted in Chinese working days (``members.privacy.workdays``). A
    refusal must give its reason in ``answer``; the member sees status and answer in
    the API.
    """

    class Kind(models.TextChoices):
        ACCESS = "access", _("Access my data")
        CORRECTION = "correction", _("Correct my data")
        DELETION = "deletion", _("Delete my data")
        WITHDRAW_CONSENT = "withdraw_consent", _("Withdraw consent")
        EXPLAIN_DECISION = "explain_decision", _("Explain an automated decision")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        REFUSED = "refused", _("Refused")

    ANSWERED = (Status.COMPLETED, Status.REFUSED)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="privacy_requests",
        help_text=_("Empty once the member cancelled the account."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    details = models.TextField(
        _("details"), max_length=5000, help_text=_("What the member asks for.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    due_on = models.DateField(
        _("due on"),
        help_text=_("15 Chinese working days after receipt (holidays skipped)."),
    )
    answer = models.TextField(
        _("answer"),
        blank=True,
        max_length=5000,
        help_text=_(
            "Shown to the member and e-mailed; a refusal must give its reason."
        ),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PrivacyRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("privacy request")
        verbose_name_plural = _("privacy requests")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_kind_display()}"

    @property
    def is_overdue(self) -> bool:
        return (
            self.status not in self.ANSWERED
            and self.due_on is not None
            and self.due_on < timezone.localdate()
        )

    def clean(self) -> None:
        if self.status == self.Status.REFUSED and not self.answer.strip():
            raise ValidationError(
                {"answer": _("A refusal must give its reason.")}, code="reason_required"
            )
        if self.status == self.Status.COMPLETED and not self.answer.strip():
            raise ValidationError(
                {"answer": _("Tell the member what was done.")}, code="answer_required"
            )


class RetentionRun(models.Model):
    """One run of the retention purge (``manage.py purge_expired`` or the daily
    ``retention_purge_task``): when, whether it was a dry run, and how many rows of
    each kind were (or would have been) removed. Kept as the evidence that data
    is deleted when its retention period ends; read-only in the admin."""

    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    dry_run = models.BooleanField(_("dry run"), default=False)
    trigger = models.CharField(_("trigger"), max_length=20, default="command")
    counts = models.JSONField(_("removed per kind"), default=dict)

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} ({sum(self.counts.values())})"
