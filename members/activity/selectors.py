"""Reads of a member's trail (favorites, footprints, downloads); every query is
scoped to the requesting user."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, QuerySet
from wagtail.images import get_image_model
from wagtail.models import Page

from members.accounts.models import User
from products.models import THUMBNAIL_SPEC, GuidePage, ProductPage

from .models import FOOTPRINTS_KEPT, DownloadRecord, Favorite, Footprint, PageKind


def favorite_page_ids(
    *, user: User | AnonymousUser, page_ids: Iterable[int]
) -> set[int]:
    """Which of ``page_ids`` the member has saved (in any language), in one query;
    empty for visitors. Content lists pass the ids of the page they serialize."""
    ids = list(page_ids)
    if not ids or isinstance(user, AnonymousUser):
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
