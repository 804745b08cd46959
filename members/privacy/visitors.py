"""Visitors' right to deletion (issue 13, PIPL art. 47): someone who consulted or
subscribed without an account asks for their data to be deleted and proves the
address is theirs by following a signed link mailed to it.

``visitor_deletion_request`` answers the same whether or not anything is held
(nobody learns whether an address consulted us); only when something is held does
the link go out. ``visitor_deletion_confirm`` deletes the visitor's consultations
(with their threads) and subscriptions. Visitors' consent receipts stay: they are
the evidence of what the person agreed to, kept for their retention period, and
name only a keyed hash of the address.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import QuerySet

from core.errors import ValidationFailed
from members.enquiries.models import Consultation
from members.mail import mail_language, mail_queue
from members.subscriptions.models import Subscription
from members.subscriptions.services import frontend_link

SALT = "members.privacy.visitor-deletion"


def _held(email: str) -> dict[str, QuerySet]:
    return {
        "consultations": Consultation.objects.filter(user=None, email__iexact=email),
        "subscriptions": Subscription.objects.filter(user=None, email__iexact=email),
    }


def visitor_deletion_token(email: str) -> str:
    return signing.TimestampSigner(salt=SALT).sign_object({"e": email.lower()})


def visitor_deletion_request(*, email: str, language: str = "") -> None:
    """Mail the deletion link to ``email`` when a visitor's data is held for it."""
    email = email.strip().lower()
    if not any(rows.exists() for rows in _held(email).values()):
        return
    language = mail_language(language)
    link = frontend_link(
        language, "privacy/delete", token=visitor_deletion_token(email)
    )
    mail_queue(
        to=email,
        template=f"visitor_deletion/{language}/link",
        context={"link": link, "days": settings.VISITOR_DELETION_LINK_MAX_AGE // 86400},
        language=language,
    )


def visitor_deletion_confirm(*, token: str) -> dict[str, int]:
    """Delete what the link's address holds as a visitor; the count per kind."""
    try:
        data = signing.TimestampSigner(salt=SALT).unsign_object(
            token or "", max_age=settings.VISITOR_DELETION_LINK_MAX_AGE
        )
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise _invalid() from exc
    if not isinstance(data, dict) or not isinstance(data.get("e"), str):
        raise _invalid()
    deleted = {}
    with transaction.atomic():
        for kind, rows in _held(data["e"]).items():
            deleted[kind] = rows.count()
            rows.delete()
    return deleted


def _invalid() -> ValidationFailed:
    return ValidationFailed(
        "This link is invalid or has expired.",
        code="invalid_token",
        errors=[{"code": "invalid_token", "detail": "Invalid link.", "attr": "token"}],
    )
