"""Enquiries in the personal data registry (``core.privacy``): procurement
requests and consultations, with their threads. Consultations a visitor made with
the member's address belong to them too (exported and erased by e-mail as well as
by user). Imported by ``MembersConfig.ready``."""

from __future__ import annotations

from typing import Any

from django.forms.models import model_to_dict

from core import privacy

from .models import (
    Consultation,
    ConsultationMessage,
    ProcurementAttachment,
    ProcurementMessage,
    ProcurementRequest,
    ProcurementStatusChange,
)


def procurement_requests_export(user) -> list[dict[str, Any]]:
    """Each request with its items, history and messages (attachments by name)."""
    requests = ProcurementRequest.objects.filter(user=user).prefetch_related(
        "items", "attachments", "history", "messages"
    )
    return [
        {
            **privacy.jsonable(model_to_dict(request, exclude=["user", "assignee"])),
            "items": [
                privacy.jsonable(model_to_dict(item, exclude=["request"]))
                for item in request.items.all()
            ],
            "attachments": [a.original_name for a in request.attachments.all()],
            "history": [
                {
                    "from": h.from_status,
                    "to": h.to_status,
                    "at": h.changed_at.isoformat(),
                }
                for h in request.history.all()
            ],
            "messages": [
                {
                    "from_sales": m.from_staff,
                    "body": m.body,
                    "at": m.created_at.isoformat(),
                }
                for m in request.messages.all()
            ],
        }
        for request in requests
    ]


def procurement_requests_erase(user) -> None:
    """The member's requests go with their files; staff links are cut."""
    for attachment in ProcurementAttachment.objects.filter(request__user=user):
        attachment.file.delete(save=False)
    ProcurementRequest.objects.filter(user=user).delete()
    ProcurementRequest.objects.filter(assignee=user).update(assignee=None)


def consultations_export(user) -> list[dict[str, Any]]:
    consultations = Consultation.objects.filter(
        privacy.user_or_email(user)
    ).prefetch_related("messages")
    return [
        {
            **privacy.jsonable(
                model_to_dict(c, exclude=["user", "assignee", "product"])
            ),
            "reference": str(c.reference),
            "product_id": c.product_id,
            "created_at": c.created_at.isoformat(),
            "messages": [
                {
                    "from_staff": m.from_staff,
                    "body": m.body,
                    "at": m.created_at.isoformat(),
                }
                for m in c.messages.all()
            ],
        }
        for c in consultations
    ]


def consultations_erase(user) -> None:
    Consultation.objects.filter(privacy.user_or_email(user)).delete()
    Consultation.objects.filter(assignee=user).update(assignee=None)


privacy.register(
    ProcurementRequest,
    exporter=procurement_requests_export,
    eraser=procurement_requests_erase,
)
# Rows another person's request holds about this user (as author or actor);
# the member's own rows are in the export above and go with their requests.
privacy.register(
    ProcurementStatusChange,
    exporter=privacy.rows("request_id", "to_status", "changed_at"),
    eraser=privacy.detach(),
)
privacy.register(
    ProcurementMessage,
    exporter=privacy.rows("request_id", "body", "created_at"),
    eraser=privacy.detach(),
)
privacy.register(
    Consultation, exporter=consultations_export, eraser=consultations_erase
)
# Staff replies stay in other people's threads, without the staff link.
privacy.register(
    ConsultationMessage,
    exporter=privacy.rows("consultation_id", "body", "created_at"),
    eraser=privacy.detach(),
)
