"""Online consultation (在线咨询): ask, talk, answer, close. Staff are e-mailed
about every new consultation and every follow-up from the asker; the asker is
e-mailed every staff reply, in the consultation's language.

Status::

    open ─staff reply→ answered ─asker writes→ open
      └──────── staff close (from either) ────────→ closed
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.errors import Conflict, ValidationFailed
from members.models import (
    Consultation,
    ConsultationMessage,
    ConsultationStatus,
    User,
)
from members.phones import phone_normalize
from products.models import ProductPage

from .mail import mail_language, mail_queue
from .procurement import sales_email

S = ConsultationStatus


def _field_error(attr: str, detail: str, code: str = "invalid") -> ValidationFailed:
    return ValidationFailed(
        detail, errors=[{"code": code, "detail": detail, "attr": attr}]
    )


def _contact(user: User | None, name: str, email: str, phone: str):
    """Name, e-mail and phone: a member's profile fills what they leave out; at
    least one way to answer is required, and each given one must be valid."""
    name, email, phone = (name or "").strip(), (email or "").strip(), phone or ""
    if user is not None:
        name = name or user.display_name or user.get_full_name() or user.email
        email = email or user.email
    if not name:
        raise _field_error("name", "Tell us your name.", "required")
    if not email and not phone.strip():
        raise _field_error("email", "Give an e-mail address or a phone number.")
    if email:
        try:
            validate_email(email)
        except DjangoValidationError as exc:
            raise _field_error("email", "Enter a valid e-mail address.") from exc
    if phone.strip():
        try:
            phone = phone_normalize(phone)
        except DjangoValidationError as exc:
            raise _field_error(
                "phone", " ".join(exc.messages), "invalid_phone"
            ) from exc
    return name[:80], email.lower(), phone


def consultation_create(
    *,
    user: User | None,
    message: str,
    name: str = "",
    email: str = "",
    phone: str = "",
    product_id: int | None = None,
    locale: str = "",
) -> Consultation:
    """A new open consultation (a member's when ``user`` is given); staff are
    e-mailed once it is saved."""
    body = (message or "").strip()
    if not body:
        raise _field_error("message", "Write your question.", "required")
    name, email, phone = _contact(user, name, email, phone)
    product = None
    if product_id:
        product = ProductPage.objects.filter(pk=product_id, live=True).first()
        if product is None:
            raise _field_error("product", "No published product has this id.")
    language = mail_language(
        locale or (user.preferred_language if user is not None else "")
    )
    consultation = Consultation(
        user=user,
        name=name,
        email=email,
        phone=phone,
        message=body[:5000],
        product=product,
        locale=language,
    )
    with transaction.atomic():
        consultation.save()
        _mail_staff(consultation, "new")
    return consultation


def consultation_message_add(
    *, consultation: Consultation, author: User | None, body: str, from_staff: bool
) -> ConsultationMessage:
    """Add to the thread. A staff reply answers it and is e-mailed to the asker;
    the asker's follow-up reopens it and is e-mailed to staff. Nothing is added
    to a closed consultation (409 ``closed``)."""
    body = (body or "").strip()
    if not body:
        raise _field_error("body", "Write a message.", "blank")
    with transaction.atomic():
        locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if locked.status == S.CLOSED:
            raise Conflict("This consultation is closed.", code="closed")
        message = ConsultationMessage.objects.create(
            consultation=locked, author=author, from_staff=from_staff, body=body[:5000]
        )
        locked.status = S.ANSWERED if from_staff else S.OPEN
        locked.save(update_fields=["status", "updated_at"])
        if from_staff:
            _mail_asker(locked, "reply", {"message": message})
        else:
            _mail_staff(locked, "message", {"message": message})
    consultation.status = locked.status
    return message


def consultation_close(*, consultation: Consultation) -> Consultation:
    with transaction.atomic():
        locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if locked.status != S.CLOSED:
            locked.status = S.CLOSED
            locked.closed_at = timezone.now()
            locked.save(update_fields=["status", "closed_at", "updated_at"])
    return locked


def consultation_assign(
    *, consultation: Consultation, assignee: User | None
) -> Consultation:
    if assignee is not None and not assignee.is_staff:
        raise ValidationFailed("Only staff can be assigned.", code="not_staff")
    consultation.assignee = assignee
    consultation.save(update_fields=["assignee", "updated_at"])
    return consultation


# --- e-mail -----------------------------------------------------------------


def _admin_url(consultation: Consultation) -> str:
    return settings.WAGTAILADMIN_BASE_URL + reverse(
        "consultations:edit", args=[consultation.pk]
    )


def _mail_staff(consultation: Consultation, template: str, extra=None) -> None:
    """Sales (site settings) and, for a follow-up, the assignee — in the staff's
    language (the site's default)."""
    recipients = {sales_email()}
    if consultation.assignee_id and template == "message":
        recipients.add(consultation.assignee.email)
    context = {
        "consultation": consultation,
        "admin_url": _admin_url(consultation),
        **(extra or {}),
    }
    for to in sorted(filter(None, recipients)):
        mail_queue(
            to=to,
            template=f"consultation/{settings.LANGUAGE_CODE}/{template}",
            context=context,
            language=settings.LANGUAGE_CODE,
        )


def _mail_asker(consultation: Consultation, template: str, extra=None) -> None:
    language = mail_language(consultation.locale)
    mail_queue(
        to=consultation.reply_to,
        template=f"consultation/{language}/{template}",
        context={
            "consultation": consultation,
            "member": consultation.user_id is not None,
            **(extra or {}),
        },
        language=language,
    )
