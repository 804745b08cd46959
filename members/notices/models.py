"""Notices the privacy officer sends to members, and who received each.

The policy promises to tell users about a personal information security incident —
what happened and its possible impact, the measures taken, advice to protect
themselves and the remedies offered — by push, e-mail, SMS or phone, and to notify
them when operations stop. Staff send one under *Members → Notices* in the admin
(``members.notices.admin``); members read theirs at ``/api/v1/me/notices/``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NoticeKind(models.TextChoices):
    SECURITY_INCIDENT = "security_incident", _("security incident")
    SERVICE_TERMINATION = "service_termination", _("service termination")


class Notice(models.Model):
    """One notice as sent: its content (the fields the policy names) and the
    channels it went out on with their outcome. Never edited after sending; its
    ``NoticeDelivery`` rows are the log of recipients."""

    kind = models.CharField(_("kind"), max_length=30, choices=NoticeKind.choices)
    title = models.CharField(_("title"), max_length=200)
    situation = models.TextField(
        _("what happened"),
        help_text=_("The basic situation (or, when operations stop: what and when)."),
    )
    impact = models.TextField(_("possible impact"), blank=True)
    measures = models.TextField(
        _("measures taken"),
        blank=True,
        help_text=_("What we did or will do (for a termination: how data is erased)."),
    )
    advice = models.TextField(
        _("advice"),
        blank=True,
        help_text=_("What members can do themselves to prevent or reduce risks."),
    )
    remedies = models.TextField(_("remedies"), blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    channels = models.JSONField(
        _("channels"),
        default=dict,
        help_text=_("Per channel: how many were sent, or why none."),
    )
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class NoticeDelivery(models.Model):
    """One member a notice went to (the log of recipients) and whether they read
    it in the app. A cancelled member's rows stay, detached, as evidence that the
    notice was sent."""

    notice = models.ForeignKey(
        Notice,
        verbose_name=_("notice"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="notice_deliveries",
    )
    emailed = models.BooleanField(_("e-mailed"), default=False)
    sms = models.CharField(_("SMS"), max_length=20, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notice delivery")
        verbose_name_plural = _("notice deliveries")
        ordering = ["-notice__sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["notice", "user"], name="members_notice_delivery_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.notice_id} → {self.user_id}"
