"""What procurement requests and consultations share: assigning an enquiry to a
staff member, checking a thread message, and e-mailing sales about an enquiry."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext

from core.errors import ValidationFailed
from members.accounts.models import User
from members.errors import field_error
from members.mail import mail_queue, sales_email

from ..models import Consultation, ProcurementRequest

Enquiry = ProcurementRequest | Consultation

# model → (e-mail template folder, admin edit URL name, context name)
INBOXES: dict[type, tuple[str, str, str]] = {
    ProcurementRequest: ("procurement", "procurement_requests:edit", "request"),
    Consultation: ("consultation", "consultations:edit", "consultation"),
}


def enquiry_assign(*, enquiry: Enquiry, assignee: User | None) -> Enquiry:
    """Hand the enquiry to ``assignee`` (staff only; None unassigns)."""
    if assignee is not None and not assignee.is_staff:
        raise ValidationFailed(gettext("Only staff can be assigned."), code="not_staff")
    enquiry.assignee = assignee
    enquiry.save(update_fields=["assignee", "updated_at"])
    return enquiry


def thread_body(body: str) -> str:
    """A message's text, stripped and cut to 5000 characters; blank is a 400."""
    body = (body or "").strip()
    if not body:
        raise field_error("body", gettext("Write a message."), "blank")
    return body[:5000]


def staff_mail(
    *,
    enquiry: Enquiry,
    template: str,
    extra: dict | None = None,
    follow_up: bool = False,
) -> None:
    """E-mail sales (site settings) and, for the asker's follow-up, the assignee —
    in the staff's language (the site's default), with a link to the admin inbox."""
    folder, url_name, name = INBOXES[type(enquiry)]
    recipients = {sales_email()}
    if follow_up and enquiry.assignee:
        recipients.add(enquiry.assignee.email)
    admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(url_name, args=[enquiry.pk])
    context = {name: enquiry, "admin_url": admin_url, **(extra or {})}
    for to in sorted(filter(None, recipients)):
        mail_queue(
            to=to,
            template=f"{folder}/{settings.LANGUAGE_CODE}/{template}",
            context=context,
            language=settings.LANGUAGE_CODE,
            user=enquiry.user,
        )
