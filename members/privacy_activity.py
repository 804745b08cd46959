"""Registry entries (export + erasure) for the member-activity tables: favorites,
footprints, downloads, procurement requests. Called by
``members.privacy_registrations.register_all``."""

from __future__ import annotations

from typing import Any

from django.forms.models import model_to_dict

from members import privacy
from members.models import (
    DownloadRecord,
    Favorite,
    Footprint,
    ProcurementAttachment,
    ProcurementMessage,
    ProcurementRequest,
    ProcurementStatusChange,
)


def register_activity() -> None:
    register_procurement()
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
