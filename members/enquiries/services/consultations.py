"""Online consultation (在线咨询): ask, talk, answer, close. Staff are e-mailed
about every new consultation and every follow-up from the asker; the asker is
e-mailed every staff reply, in the consultation's language.

Status::

    open ─staff reply→ answered ─asker writes→ open
      └──────── staff close (from either) ────────→ closed
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from core.errors import Conflict
from members.accounts.models import User
from members.accounts.phones import phone_normalize
from members.errors import field_error
from members.mail import mail_language, mail_queue
from products.models import ProductPage

from ..models import Consultation, ConsultationMessage, ConsultationStatus
from .threads import staff_mail, thread_body

S = ConsultationStatus


def _contact(user: User | None, name: str, email: str, phone: str):
    """Name, e-mail and phone: a member's profile fills what they leave out; at
    least one way to answer is required, and each given one must be valid."""
    name, email, phone = (name or "").strip(), (email or "").strip(), phone or ""
    if user is not None:
        name = name or user.display_name or user.get_full_name() or user.email
        email = email or user.email
    if not name:
        raise field_error("name", gettext("Tell us your name."), "required")
    if not email and not phone.strip():
        raise field_error("email", gettext("Give an e-mail address or a phone number."))
    if email:
        try:
            validate_email(email)
        except DjangoValidationError as exc:
            raise field_error(
                "email", gettext("Enter a valid e-mail address.")
            ) from exc
    if phone.strip():
        try:
            phone = phone_normalize(phone)
        except DjangoValidationError as exc:
            raise field_error("phone", " ".join(exc.messages), "invalid_phone") from exc
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
        raise field_error("message", gettext("Write your question."), "required")
    name, email, phone = _contact(user, name, email, phone)
    product = None
    if product_id:
        product = ProductPage.objects.filter(pk=product_id, live=True).first()
        if product is None:
            raise field_error("product", gettext("No published product has this id."))
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
    *,
    consultation: Consultation,
    author: User | None,
    body: str,
    from_staff: bool,
    given_offline: bool = False,
) -> ConsultationMessage:
    """Add to the thread. A staff reply answers it and is e-mailed to the asker;
    the asker's follow-up reopens it and is e-mailed to staff. Nothing is added
    to a closed consultation (409 ``closed``).

    ``given_offline``: staff answered by phone or in person and record that answer
    here; it answers the consultation but nothing is e-mailed (an asker may have
    left only a phone number)."""
    body = thread_body(body)
    with transaction.atomic():
        locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if locked.status == S.CLOSED:
            raise Conflict(gettext("This consultation is closed."), code="closed")
        message = ConsultationMessage.objects.create(
            consultation=locked, author=author, from_staff=from_staff, body=body
        )
        locked.status = S.ANSWERED if from_staff else S.OPEN
        locked.save(update_fields=["status", "updated_at"])
        if from_staff and not given_offline:
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


# --- e-mail -----------------------------------------------------------------


def _mail_staff(consultation: Consultation, template: str, extra=None) -> None:
    staff_mail(
        enquiry=consultation,
        template=template,
        extra=extra,
        follow_up=template == "message",
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
        user=consultation.user,
    )


@transaction.atomic
def consultation_delete(*, consultation: Consultation) -> None:
    """The asker deletes their consultation with its whole thread (PIPL art. 47):
    an answer without its question serves no purpose worth keeping."""
    consultation.delete()
