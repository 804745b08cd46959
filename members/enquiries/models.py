"""Enquiries: procurement requests (采购需求) and online consultations (在线咨询),
the two threads between a buyer and sales.

Procurement requests: what a buyer wants quoted, and the work on it. Members create
and follow them through ``/api/v1/me/procurement-requests/``; sales work from
*Procurement requests* in the Wagtail admin (filter, assign, change status, reply,
export CSV). Every status change is kept in ``ProcurementStatusChange`` and every
message in ``ProcurementMessage``.

Consultations: a question from a visitor or a member, and the thread that answers
it. Anyone asks through ``POST /api/v1/consultations/``; members follow their own
under ``/api/v1/me/consultations/``. Staff answer from *Consultations* in the
Wagtail admin (filter, assign, reply, close).

Both threads' messages share ``ThreadMessage``; the operations and e-mails live in
``members.enquiries.services``, the two admin inboxes in ``members.enquiries.admin``.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.files import private_storage
from products.packaging import PackageSize


class ThreadMessage(models.Model):
    """A message in an enquiry's thread, from the member or visitor or from staff.

    Abstract: ``ProcurementMessage`` and ``ConsultationMessage`` add the foreign key
    to their enquiry (``related_name="messages"``). Staff write from the admin
    inbox, the asker through the API; both read the thread on the enquiry's page.
    """

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
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]


# --- procurement requests -----------------------------------------------------------


class ProcurementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    PROCESSING = "processing", _("Processing")
    QUOTED = "quoted", _("Quoted")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class ProcurementUnit(models.TextChoices):
    LITRE = "L", _("litre (L)")
    KILOGRAM = "kg", _("kilogram (kg)")
    TONNE = "t", _("tonne (t)")
    PAIL_18L = "pail_18l", _("18 L pail")
    DRUM_200L = "drum_200l", _("200 L drum")
    IBC_1000L = "ibc_1000l", _("1000 L IBC")
    PACKAGE = "package", _("packages of the size named")


def attachment_upload_to(instance: ProcurementAttachment, filename: str) -> str:
    """A random name: the URL says nothing about who sent it."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"members/procurement/{uuid.uuid4().hex}.{suffix}"


class ProcurementRequest(models.Model):
    """One request for quotation from a member: items, delivery, contact.

    Sales see it in the admin's procurement inbox; the member sees it (with its
    items, attachments, history and messages) in the API. A retried create with
    the same ``Idempotency-Key`` header finds this row instead of making another.
    """

    # Null once the member deleted a quoted or closed request: the business record
    # is kept for accounting without their personal data (issue 13).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="procurement_requests",
    )
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProcurementStatus.choices,
        default=ProcurementStatus.DRAFT,
    )
    delivery_province = models.CharField(_("delivery province"), max_length=50)
    delivery_city = models.CharField(_("delivery city"), max_length=50)
    wanted_by = models.DateField(_("wanted by"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget (CNY)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    notes = models.TextField(_("notes"), blank=True, max_length=5000)
    contact_name = models.CharField(_("contact name"), max_length=80)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact e-mail"))
    company_name = models.CharField(_("company"), max_length=200, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_procurement_requests",
        limit_choices_to={"is_staff": True, "is_active": True},
        help_text=_("The salesperson who handles this request."),
    )
    idempotency_key = models.CharField(
        _("idempotency key"), max_length=100, blank=True, editable=False
    )
    # A hash of the create request's content: a retry with the same key and
    # another body is refused (422) instead of silently answered with this row.
    idempotency_fingerprint = models.CharField(
        _("idempotency fingerprint"), max_length=64, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("procurement request")
        verbose_name_plural = _("procurement requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="members_procurement_idempotency_unique",
            )
        ]
        indexes = [
            models.Index(fields=["user", "-created_at"]),
            models.Index(fields=["status", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.title}"


class ProcurementItem(models.Model):
    """One line of a request: a catalogue product or free text, with quantity."""

    request = models.ForeignKey(
        ProcurementRequest, on_delete=models.CASCADE, related_name="items"
    )
    product = models.ForeignKey(
        "products.ProductPage",
        verbose_name=_("product"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.CharField(
        _("description"),
        max_length=200,
        blank=True,
        help_text=_("What is wanted, when it is not a catalogue product."),
    )
    grade = models.CharField(_("grade or specification"), max_length=100, blank=True)
    quantity = models.DecimalField(
        _("quantity"),
        max_digits=12,
        decimal_places=3,
        validators=[MinValueValidator(Decimal("0.001"))],
    )
    unit = models.CharField(_("unit"), max_length=12, choices=ProcurementUnit.choices)
    # Copies taken at submission, so a later rename or unpublishing of the
    # product does not lose what was asked for.
    product_title = models.CharField(
        _("product title when asked"), max_length=255, blank=True
    )
    product_sku = models.CharField(_("SKU when asked"), max_length=64, blank=True)
    package_size = models.JSONField(
        _("package size"),
        null=True,
        blank=True,
        help_text=_(
            "One of the product's package sizes, copied when asked: "
            "{id, amount, unit, container, count, note}."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("item")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        what = self.description or self.product_title or self.product_id
        return f"{what} × {self.quantity} {self.unit}"

    @property
    def package_label(self) -> str:
        """The named package size in the active language ("" when none)."""
        return (
            PackageSize.from_data(self.package_size).label if self.package_size else ""
        )


class ProcurementAttachment(models.Model):
    """A file sent with a request (PDF, XLSX, JPG, PNG; ≤ 10 MB, type sniffed)."""

    request = models.ForeignKey(
        ProcurementRequest, on_delete=models.CASCADE, related_name="attachments"
    )
    # Private storage (core.files): served only to the member and to staff.
    file = models.FileField(
        _("file"), upload_to=attachment_upload_to, storage=private_storage
    )
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class ProcurementStatusChange(models.Model):
    """One step in a request's history: from, to, who, when."""

    request = models.ForeignKey(
        ProcurementRequest, on_delete=models.CASCADE, related_name="history"
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=ProcurementStatus.choices, blank=True
    )
    to_status = models.CharField(
        _("to"), max_length=20, choices=ProcurementStatus.choices
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    by_staff = models.BooleanField(_("by staff"), default=False)
    changed_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("status change")
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status or '∅'} → {self.to_status}"


class ProcurementMessage(ThreadMessage):
    """A message in the thread between the member and sales on one request."""

    request = models.ForeignKey(
        ProcurementRequest, on_delete=models.CASCADE, related_name="messages"
    )

    class Meta(ThreadMessage.Meta):
        verbose_name = _("message")


# --- consultations ------------------------------------------------------------------


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
        return self.email or (self.user.email if self.user else "")


class ConsultationMessage(ThreadMessage):
    """A follow-up in a consultation's thread, from the asker or from staff."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="messages"
    )

    class Meta(ThreadMessage.Meta):
        verbose_name = _("consultation message")
