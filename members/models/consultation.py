"""Online consultation (在线咨询): a question from a visitor or a member, and the
thread that answers it.

Anyone asks through ``POST /api/v1/consultations/``; members follow their own
under ``/api/v1/me/consultations/``. Staff answer from *Consultations* in the
Wagtail admin (filter, assign, reply, close); the operations and e-mails live in
``members.services.consultations``.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ConsultationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class Consultation(models.Model):
    """One question: who asked (a member, or a visitor's name and contact), what,
    about which product, in which language. Staff see it in the consultation
    inbox; a member sees theirs (with the thread) in the API."""

    reference = models.UUIDField(
        _("reference"), default=uuid.uuid4, unique=True, editable=False
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="consultations",
        help_text=_("Empty when a visitor asked."),
    )
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    message = models.TextField(_("question"), max_length=5000)
    product = models.ForeignKey(
        "products.ProductPage",
        verbose_name=_("product"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    locale = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Replies are e-mailed in this language."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.OPEN,
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_consultations",
        limit_choices_to={"is_staff": True, "is_active": True},
        help_text=_("The staff member who answers this consultation."),
    )
    created_at = models.DateTimeField(_("asked"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    # No content references worth listing under a page's "usage".
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "-created_at"]),
            models.Index(fields=["status", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.name}: {self.message[:40]}"

    @property
    def reply_to(self) -> str:
        """Where replies are e-mailed: the address given, else the member's."""
        return self.email or (self.user.email if self.user_id else "")


class ConsultationMessage(models.Model):
    """A follow-up in a consultation's thread, from the asker or from staff."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_staff = models.BooleanField(_("from staff"), default=False)
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    # No content references worth listing under a page's "usage".
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("consultation message")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]
