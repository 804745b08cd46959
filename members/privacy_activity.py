"""Registry entries (export + erasure) for the member-activity tables: favorites,
footprints, downloads, procurement requests, consultations, subscriptions.
Consultations and subscriptions a visitor made with the member's address belong
to them too (exported and erased by e-mail as well as by user). Called by
``members.privacy_registrations.register_all``."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.forms.models import model_to_dict

from members import privacy
from members.models import (
    Consultation,
    ConsultationMessage,
    DownloadRecord,
    Favorite,
    Footprint,
    ProcurementAttachment,
    ProcurementMessage,
    ProcurementRequest,
    ProcurementStatusChange,
    Subscription,
)


def register_activity() -> None:
    register_procurement()
    register_consultations_and_subscriptions()
    privacy.register(
        Favorite,
        exporter=privacy.rows("page_id", "kind", "created_at"),
        eraser=privacy.delete_rows(),
    )
    privacy.register(
        Footprint,
        exporter=privacy.rows("page_id", "kind", "last_viewed_at", "view_count"),
        eraser=privacy.delete_rows(),
    )
    privacy.register(
        DownloadRecord,
        exporter=privacy.rows("document_id", "document_title", "downloaded_at"),
        eraser=privacy.delete_rows(),
    )


def procurement_requests_export(user) -> list[dict[str, Any]]:
    """Each request with its items, history and messages (attachments by name)."""
    requests = ProcurementRequest.objects.filter(user=user).prefetch_related(
        "items", "attachments", "history", "messages"
    )
    return [
        {
            **privacy._jsonable(model_to_dict(request, exclude=["user", "assignee"])),
            "items": [
                privacy._jsonable(model_to_dict(item, exclude=["request"]))
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


def register_procurement() -> None:
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


def _mine(user) -> Q:
    """Rows of the member, or made with their address before they signed up."""
    return Q(user=user) | Q(email__iexact=user.email)


def consultations_export(user) -> list[dict[str, Any]]:
    consultations = Consultation.objects.filter(_mine(user)).prefetch_related(
        "messages"
    )
    return [
        {
            **privacy._jsonable(
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
    Consultation.objects.filter(_mine(user)).delete()
    Consultation.objects.filter(assignee=user).update(assignee=None)


def subscriptions_export(user) -> list[dict[str, Any]]:
    subscriptions = Subscription.objects.filter(_mine(user)).prefetch_related(
        "deliveries"
    )
    return [
        {
            **privacy._jsonable(
                {
                    "email": s.email,
                    "topics": s.topics,
                    "locale": s.locale,
                    "status": s.status,
                    "created_at": s.created_at,
                    "confirmed_at": s.confirmed_at,
                    "unsubscribed_at": s.unsubscribed_at,
                    "last_digest_at": s.last_digest_at,
                }
            ),
            "digests": [
                privacy._jsonable(
                    {
                        "sent_at": d.sent_at,
                        "items": d.item_count,
                        "opened_at": d.opened_at,
                        "clicked_at": d.clicked_at,
                        "clicks": d.click_count,
                    }
                )
                for d in s.deliveries.all()
            ],
        }
        for s in subscriptions
    ]


def register_consultations_and_subscriptions() -> None:
    privacy.register(
        Consultation, exporter=consultations_export, eraser=consultations_erase
    )
    # Staff replies stay in other people's threads, without the staff link.
    privacy.register(
        ConsultationMessage,
        exporter=privacy.rows("consultation_id", "body", "created_at"),
        eraser=privacy.detach(),
    )
    # Subscription rows (and their digest deliveries) go, by user and by address.
    privacy.register(
        Subscription,
        exporter=subscriptions_export,
        eraser=lambda user: Subscription.objects.filter(_mine(user)).delete(),
    )
