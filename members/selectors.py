"""Reads of a member's own data; every query is scoped to the requesting user."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, QuerySet
from wagtail.images import get_image_model
from wagtail.models import Page

from core.errors import NotFound
from members.models import (
    Consultation,
    ConsultationMessage,
    DownloadRecord,
    Favorite,
    Footprint,
    PageKind,
    PrivacyRequest,
    ProcurementMessage,
    ProcurementRequest,
    User,
)
from products.models import THUMBNAIL_SPEC, GuidePage, ProductPage


def member_profile_get(*, user: User) -> User:
    """The member with their customer service (one query)."""
    return User.objects.select_related("customer_service").get(pk=user.pk)


def privacy_requests_of(*, user: User) -> QuerySet[PrivacyRequest]:
    return PrivacyRequest.objects.filter(user=user).order_by("-created_at", "-pk")


def privacy_request_get(*, user: User, pk: int) -> PrivacyRequest:
    """One of the member's requests; another member's is ``NotFound`` (404)."""
    request = privacy_requests_of(user=user).filter(pk=pk).first()
    if request is None:
        raise NotFound("No such privacy request.")
    return request


# --- favorites, footprints, downloads (the member's trail) ----------------------


def favorite_page_ids(
    *, user: User | AnonymousUser, page_ids: Iterable[int]
) -> set[int]:
    """Which of ``page_ids`` the member has saved (in any language), in one query;
    empty for visitors. Content lists pass the ids of the page they serialize."""
    ids = list(page_ids)
    if not ids or not getattr(user, "is_authenticated", False):
        return set()
    saved = Favorite.objects.filter(user=user).values("translation_key")
    return set(
        Page.objects.filter(pk__in=ids, translation_key__in=saved).values_list(
            "pk", flat=True
        )
    )


def favorites_of(*, user: User, kind: str | None = None) -> QuerySet[Favorite]:
    """The member's favorites of published pages, newest first."""
    favorites = Favorite.objects.filter(user=user, page__live=True)
    if kind:
        favorites = favorites.filter(kind=kind)
    return favorites.order_by("-created_at", "-pk")


def footprints_of(*, user: User) -> QuerySet[Footprint]:
    """The member's newest ``FOOTPRINTS_KEPT`` footprints of published pages."""
    from members.services.activity import FOOTPRINTS_KEPT

    return (
        Footprint.objects.filter(user=user, page__live=True)
        .select_related("page__locale")
        .order_by("-last_viewed_at", "-pk")[:FOOTPRINTS_KEPT]
    )


def downloads_of(*, user: User) -> QuerySet[DownloadRecord]:
    return DownloadRecord.objects.filter(user=user).order_by("-downloaded_at", "-pk")


def _card_pages(model, keys_or_ids: dict[str, set]) -> list[Page]:
    """Live pages of ``model`` with their locale and thumbnail renditions (three
    queries whatever the number of pages)."""
    image_field = "main_image" if model is ProductPage else "cover_image"
    images = get_image_model().objects.prefetch_renditions(THUMBNAIL_SPEC)
    return list(
        model.objects.filter(live=True, **keys_or_ids)
        .select_related("locale")
        .prefetch_related(Prefetch(image_field, queryset=images))
    )


def favorite_cards(
    *, favorites: list[Favorite], language: str
) -> dict[int, ProductPage | GuidePage]:
    """favorite id → the saved item's page in ``language`` (or the saved version
    when it has no such translation)."""
    by_kind: dict[str, set] = {}
    for favorite in favorites:
        by_kind.setdefault(favorite.kind, set()).add(favorite.translation_key)
    pages: dict[object, dict[str, Page]] = {}
    for kind, keys in by_kind.items():
        model = ProductPage if kind == PageKind.PRODUCT else GuidePage
        for page in _card_pages(model, {"translation_key__in": keys}):
            pages.setdefault(page.translation_key, {})[page.locale.language_code] = page
    cards = {}
    for favorite in favorites:
        versions = pages.get(favorite.translation_key, {})
        saved = next((p for p in versions.values() if p.pk == favorite.page_id), None)
        chosen = versions.get(language) or saved or next(iter(versions.values()), None)
        if chosen is not None:
            cards[favorite.pk] = chosen
    return cards


def footprint_cards(
    *, footprints: list[Footprint]
) -> dict[int, ProductPage | GuidePage]:
    """footprint id → the viewed page, specific, with its thumbnail."""
    by_kind: dict[str, set] = {}
    for footprint in footprints:
        by_kind.setdefault(footprint.kind, set()).add(footprint.page_id)
    pages: dict[int, Page] = {}
    for kind, ids in by_kind.items():
        model = ProductPage if kind == PageKind.PRODUCT else GuidePage
        pages.update((page.pk, page) for page in _card_pages(model, {"pk__in": ids}))
    return {f.pk: pages[f.page_id] for f in footprints if f.page_id in pages}


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
        raise NotFound("No such procurement request.")
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
        raise NotFound("No such consultation.")
    return found
