"""Reads of pages of any type: the home of a locale, pages by frontend path, the
main navigation and a page's translations. Each is one or two queries."""

from __future__ import annotations

from wagtail.models import Locale, Page

from .models import HomePage


def home_for_locale(locale: Locale) -> HomePage | None:
    """The home page of ``locale`` (the top of that locale's tree)."""
    return HomePage.objects.filter(locale=locale).order_by("depth", "path").first()


def page_at(*, locale: Locale, below_home: str) -> Page | None:
    """The live, public page at ``below_home`` (e.g. ``products/lp-hm46/``) in
    ``locale``'s tree; ``""`` is the home itself."""
    home = home_for_locale(locale)
    if home is None:
        return None
    return (
        Page.objects.live()
        .public()
        .filter(locale=locale, url_path=home.url_path + below_home)
        .select_related("locale", "content_type")
        .first()
    )


def menu_pages(*, locale: Locale) -> list[Page]:
    """The home's live children marked "show in menus", in the editors' order."""
    home = home_for_locale(locale)
    if home is None:
        return []
    return list(
        home.get_children()
        .live()
        .public()
        .in_menu()
        .select_related("locale", "content_type")
        .order_by("path")
    )


def page_translations(page: Page) -> list[Page]:
    """The page's live, public versions in the other locales."""
    return list(
        Page.objects.live()
        .public()
        .filter(translation_key=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
        .order_by("locale__language_code")
    )


def page_versions_by_slug(model: type[Page], slug: str) -> list[Page]:
    """Live pages of ``model`` with ``slug`` in any locale, with their translations
    (to tell "not translated" from "does not exist")."""
    keys = model.objects.live().public().filter(slug=slug).values("translation_key")
    return list(
        Page.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .order_by("locale__language_code")
    )
