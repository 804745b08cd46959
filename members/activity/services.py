"""Favorites, footprints and download records: the member's trail through the
catalogue, and who may download a document.

Writes here are built to be safe under concurrency without locks: a favorite is a
``get_or_create`` under a unique constraint; a footprint is one
``INSERT … ON CONFLICT DO UPDATE`` statement (SQLite ≥ 3.24 and PostgreSQL share
the syntax), which also never lets a failure break the page read that caused it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError, connection, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page

from core.errors import (
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from legal.models import ConsentRecord
from legal.selectors import processing_allowed, purpose_granted
from members.accounts.models import User

from .models import FOOTPRINTS_KEPT, DownloadRecord, Favorite, Footprint, PageKind

if TYPE_CHECKING:
    from wagtail.documents.models import AbstractDocument

logger = logging.getLogger(__name__)

# Prune a member's footprints on one in ``FOOTPRINT_PRUNE_EVERY`` first views of a
# page (only new rows grow the table), so recording stays one statement nearly
# always; the list never shows more than ``FOOTPRINTS_KEPT`` either way.
FOOTPRINT_PRUNE_EVERY = 10
KINDS = {"products.ProductPage": PageKind.PRODUCT, "products.GuidePage": PageKind.GUIDE}


def page_kind(page: Page) -> str | None:
    """``"product"`` / ``"guide"`` for those page types, else None (no query when
    the content type is cached, as it is after the first call)."""
    label = page.specific_class._meta.label if page.specific_class else ""
    return {
        "products.ProductPage": PageKind.PRODUCT,
        "products.GuidePage": PageKind.GUIDE,
    }.get(label)


def favorite_add(*, user: User, page_id: int) -> tuple[Favorite, bool]:
    """Save a live product or guide as the member's favorite; ``(favorite,
    created)``. Adding it again (in either language, or twice at once) returns
    the existing favorite: ``get_or_create`` retries its read after the unique
    constraint refuses a concurrent duplicate."""
    page = Page.objects.live().filter(pk=page_id).first()
    kind = page_kind(page) if page is not None else None
    if kind is None:
        raise ValidationFailed(
            gettext("Only published products and guides can be favorites."),
            code="invalid_page",
            errors=[
                {
                    "code": "invalid_page",
                    "detail": gettext("No published product or guide has this id."),
                    "attr": "page",
                }
            ],
        )
    return Favorite.objects.get_or_create(
        user=user,
        translation_key=page.translation_key,
        defaults={"page": page, "kind": kind},
    )


def favorite_remove(*, user: User, page_id: int) -> None:
    """Remove the favorite holding ``page_id`` (in any of its languages)."""
    key = Page.objects.filter(pk=page_id).values("translation_key")
    deleted, _ = Favorite.objects.filter(user=user, translation_key__in=key).delete()
    if not deleted:
        raise NotFound(gettext("This page is not among your favorites."))


def footprint_record(*, user: User, page: Page) -> None:
    """Note that ``user`` viewed ``page`` (a product or guide detail).

    One statement inserts the row or bumps its count and time. Never raises: a
    failure is logged and the read goes on (the savepoint keeps an enclosing
    transaction usable on PostgreSQL).
    """
    if not getattr(user, "is_authenticated", False):
        return
    kind = page_kind(page)
    if kind is None or not footprints_recording(user=user):
        return
    try:
        with transaction.atomic():
            row = _footprint_upsert(user_id=user.pk, page_id=page.pk, kind=kind)
            if row and row[1] == 1 and row[0] % FOOTPRINT_PRUNE_EVERY == 0:
                footprints_prune(user=user)
    except DatabaseError:
        logger.exception("Could not record a footprint of page %s", page.pk)


def footprints_recording(*, user: User) -> bool:
    """Whether a view of ``user``'s is recorded: their footprints setting is on and
    no policy awaits their consent (withdrawn or pending stops processing)."""
    return bool(getattr(user, "record_footprints", False)) and processing_allowed(user)


def recommendations_allowed(*, user: User) -> bool:
    """Whether footprints and favorites may feed personalised recommendations:
    the member granted that purpose and no policy awaits their consent. Nothing
    recommends yet; whatever will must ask this first."""
    return processing_allowed(user) and purpose_granted(
        user, ConsentRecord.Purpose.PERSONALISED_RECOMMENDATIONS
    )


def _footprint_upsert(*, user_id: int, page_id: int, kind: str) -> tuple[int, int]:
    """``INSERT … ON CONFLICT (user, page) DO UPDATE`` returning ``(id, count)``.

    Django's ``bulk_create(update_conflicts=True)`` can only copy the new row's
    values, not add one to the stored count, hence the SQL.
    """
    table = connection.ops.quote_name(Footprint._meta.db_table)
    sql = (
        f"INSERT INTO {table} (user_id, page_id, kind, last_viewed_at, view_count) "  # noqa: S608
        "VALUES (%s, %s, %s, %s, 1) "
        "ON CONFLICT (user_id, page_id) DO UPDATE SET "
        f"view_count = {table}.view_count + 1, "
        "last_viewed_at = excluded.last_viewed_at "
        "RETURNING id, view_count"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id, page_id, kind, timezone.now()])
        return cursor.fetchone()


def footprints_prune(*, user: User, keep: int | None = None) -> int:
    """Delete all but the member's newest ``keep`` (``FOOTPRINTS_KEPT``)
    footprints; how many went."""
    keep = FOOTPRINTS_KEPT if keep is None else keep
    newest = Footprint.objects.filter(user=user).order_by("-last_viewed_at", "-pk")
    cutoff = newest.values_list("last_viewed_at", "pk")[keep : keep + 1].first()
    if cutoff is None:
        return 0
    stale = Footprint.objects.filter(user=user, last_viewed_at__lte=cutoff[0]).exclude(
        last_viewed_at=cutoff[0], pk__gt=cutoff[1]
    )
    deleted, _ = stale.delete()
    return deleted


def footprint_remove(*, user: User, pk: int) -> None:
    deleted, _ = Footprint.objects.filter(user=user, pk=pk).delete()
    if not deleted:
        raise NotFound(gettext("No such footprint."))


def footprints_clear(*, user: User) -> int:
    deleted, _ = Footprint.objects.filter(user=user).delete()
    return deleted


def download_record_create(
    *, user: User | AnonymousUser, document: AbstractDocument
) -> DownloadRecord | None:
    """Log a member's download (visitors are not recorded, nor members while a
    policy awaits their consent: withdrawal stops processing)."""
    if isinstance(user, AnonymousUser) or not processing_allowed(user):
        return None
    return DownloadRecord.objects.create(
        user=user, document=document, document_title=document.title[:255]
    )


def download_record_remove(*, user: User, pk: int) -> None:
    deleted, _ = DownloadRecord.objects.filter(user=user, pk=pk).delete()
    if not deleted:
        raise NotFound("No such download record.")


def downloads_clear(*, user: User) -> int:
    deleted, _ = DownloadRecord.objects.filter(user=user).delete()
    return deleted


def document_for_download(
    *, document_id: int, user: User | AnonymousUser, request: HttpRequest
) -> AbstractDocument:
    """The document ``user`` may download, or a typed error: ``NotFound`` (404),
    ``NotAuthenticated`` (401: sign in first) or ``PermissionDenied`` (403: a
    group or password restriction the user does not pass).

    ``request`` is the Django request; Wagtail's ``accept_request`` reads its
    session (password restrictions) and ``user`` (set here, since token
    authentication happens in DRF, after Django's middleware).
    """
    document = (
        get_document_model()
        .objects.select_related("collection")
        .filter(pk=document_id)
        .first()
    )
    if document is None:
        raise NotFound(gettext("No such document."))
    signed_in = bool(getattr(user, "is_authenticated", False))
    if document.members_only and not signed_in:
        raise NotAuthenticated(
            gettext("Sign in to download this document."), code="members_only"
        )
    restrictions = CollectionViewRestriction.objects.filter(
        collection__in=document.collection.get_ancestors(inclusive=True)
    ).prefetch_related("groups")
    request.user = user
    for restriction in restrictions:
        if restriction.accept_request(request):
            continue
        if not signed_in:
            raise NotAuthenticated(
                gettext("Sign in to download this document."), code="restricted"
            )
        raise PermissionDenied(
            gettext("You may not download this document."), code="restricted"
        )
    return document
