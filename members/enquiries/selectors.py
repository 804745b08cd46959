"""Reads of a member's own enquiries; every query is scoped to the requesting user."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.errors import NotFound
from core.i18n import source_language
from core.pages import page_frontend_url
from members.accounts.models import User
from products.models import ProductPage

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


def product_versions(*, product_ids: set[int], language: str) -> dict[int, ProductPage]:
    """For each product page id, the live version to show in ``language``: the
    product's own translation there, else its source-language version, else the
    page itself while it is live. Ids of products no longer published are
    missing. Two queries for any number of ids."""
    ids = {pk for pk in product_ids if pk}
    if not ids:
        return {}
    keys = dict(
        ProductPage.objects.filter(pk__in=ids).values_list("pk", "translation_key")
    )
    live = (
        ProductPage.objects.live()
        .filter(translation_key__in=set(keys.values()))
        .select_related("locale")
        .only("id", "title", "sku", "url_path", "translation_key", "locale")
    )
    preference = {language: 0, source_language(): 1}
    best: dict = {}
    for page in live:
        rank = preference.get(page.locale.language_code, 2)
        held = best.get(page.translation_key)
        if held is None or rank < held[0]:
            best[page.translation_key] = (rank, page)
    by_pk = {page.pk: page for page in live}
    found = {}
    for pk, key in keys.items():
        if key in best:
            rank, page = best[key]
            # The very page asked for wins over another language's version.
            if rank > 0 and pk in by_pk:
                page = by_pk[pk]
            found[pk] = page
    return found


def procurement_item_lines(*, request: ProcurementRequest, language: str) -> list[dict]:
    """The request's items as sales read them (admin page, e-mails): the
    product's title in ``language`` while it is published (else the title when
    asked), its frontend URL (``FRONTEND_URL`` + path) or "" and the package
    size labelled in ``language``."""
    items = list(request.items.all())
    shown = product_versions(
        product_ids={item.product_id for item in items if item.product_id},
        language=language,
    )
    lines = []
    with translation.override(language):
        for item in items:
            page = shown.get(item.product_id) if item.product_id else None
            lines.append(
                {
                    "item": item,
                    "title": page.title if page else item.product_title,
                    "url": page_frontend_url(page) if page else "",
                    "package": item.package_label,
                }
            )
    return lines


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
