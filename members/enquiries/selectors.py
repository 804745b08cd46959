"""Reads of a member's own enquiries; every query is scoped to the requesting user."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from core.errors import NotFound
from members.accounts.models import User

from .models import (
    Consultation,
    ConsultationMessage,
    ConsultationStatus,
    ProcurementAttachment,
    ProcurementMessage,
    ProcurementRequest,
    ProcurementStatus,
)

# --- procurement requests --------------------------------------------------------


def procurement_requests_of(
    *, user: User, status: str | None = None
) -> QuerySet[ProcurementRequest]:
    """The member's requests, newest first, with items and attachments (three
    queries for a page of any size)."""
    requests = ProcurementRequest.objects.filter(user=user)
    if status:
        requests = requests.filter(status=status)
    return requests.prefetch_related("items", "attachments").order_by(
        "-created_at", "-pk"
    )


def procurement_request_get(*, user: User, pk: int) -> ProcurementRequest:
    """One of the member's requests with everything shown on its page; another
    member's is ``NotFound`` (404)."""
    found = (
        procurement_requests_of(user=user)
        .prefetch_related(
            "history",
            Prefetch(
                "messages",
                queryset=ProcurementMessage.objects.select_related("author"),
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise NotFound(gettext("No such procurement request."))
    return found


def procurement_attachment_get(
    *, user: User, request_pk: int, pk: int
) -> ProcurementAttachment:
    """An attachment of one of the member's requests; any other is ``NotFound``."""
    found = (
        # The request through its own pk (not ``request_id``): an id beyond the
        # database's integer range is then no match, not an OverflowError.
        ProcurementAttachment.objects.filter(
            pk=pk, request__in=procurement_requests_of(user=user).filter(pk=request_pk)
        )
        .only("pk", "file", "original_name", "content_type")
        .first()
    )
    if found is None:
        raise NotFound(gettext("No such attachment."))
    return found


# --- consultations ---------------------------------------------------------------


def consultations_of(*, user: User) -> QuerySet[Consultation]:
    """The member's consultations, newest first, with the product asked about
    (one query for a page of any size)."""
    return (
        Consultation.objects.filter(user=user)
        .select_related("product")
        .order_by("-created_at", "-pk")
    )


def consultation_get(*, user: User, pk: int) -> Consultation:
    """One of the member's consultations with its thread; another member's is
    ``NotFound`` (404)."""
    found = (
        consultations_of(user=user)
        .prefetch_related(
            Prefetch(
                "messages",
                queryset=ConsultationMessage.objects.select_related("author"),
            )
        )
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise NotFound(gettext("No such consultation."))
    return found


# --- the staff inboxes --------------------------------------------------------------

SALES_GROUP = "Sales"  # the staff group of that name (members/migrations/0003)


def sales_staff(*, keep: int | None = None) -> QuerySet[User]:
    """Who may be assigned an enquiry: active members of the Sales group (plus
    ``keep``, the current assignee, so an old assignment still shows)."""
    wanted = Q(is_active=True, is_staff=True, groups__name=SALES_GROUP)
    if keep:
        wanted |= Q(pk=keep)
    return User.objects.filter(wanted).distinct().order_by("email")


def procurement_inbox() -> QuerySet[ProcurementRequest]:
    """The requests sales work on: everything a member has submitted (drafts stay
    the member's own until they submit them)."""
    return ProcurementRequest.objects.exclude(status=ProcurementStatus.DRAFT)


@dataclass(frozen=True)
class InboxCounts:
    """What waits for sales in one inbox: ``new`` (not picked up yet),
    ``unassigned`` (still open, nobody's) and ``overdue`` (no first answer
    after ``settings.ENQUIRY_ANSWER_HOURS``)."""

    new: int
    unassigned: int
    overdue: int


def _counts(queryset: QuerySet, *, new: Q, open_: Q, since: str) -> InboxCounts:
    cutoff = timezone.now() - datetime.timedelta(hours=settings.ENQUIRY_ANSWER_HOURS)
    found = queryset.aggregate(
        new=Count("pk", filter=new),
        unassigned=Count("pk", filter=open_ & Q(assignee__isnull=True)),
        overdue=Count("pk", filter=new & Q(**{f"{since}__lt": cutoff})),
    )
    return InboxCounts(**found)


def sales_inbox_counts() -> dict[str, InboxCounts]:
    """The sales dashboard's figures for both inboxes (one query each)."""
    return {
        "procurement": _counts(
            procurement_inbox(),
            new=Q(status=ProcurementStatus.SUBMITTED),
            open_=Q(
                status__in=[ProcurementStatus.SUBMITTED, ProcurementStatus.PROCESSING]
            ),
            since="submitted_at",
        ),
        "consultation": _counts(
            Consultation.objects.all(),
            new=Q(status=ConsultationStatus.OPEN),
            open_=Q(status=ConsultationStatus.OPEN),
            since="created_at",
        ),
    }
