"""Reads of pages of any type: the home of a locale, pages by frontend path, the
main navigation, a page's translations (each one or two queries), and the draft
behind a headless-preview token."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from types import SimpleNamespace

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext
from wagtail.models import Locale, Page

from core.errors import NotFound, PermissionDenied

from .models import HomePage


def home_for_locale(*, locale: Locale) -> HomePage | None:
    """The home page of ``locale`` (the top of that locale's tree)."""
    return HomePage.objects.filter(locale=locale).order_by("depth", "path").first()


def page_at(*, locale: Locale, below_home: str) -> Page | None:
    """The live, public page at ``below_home`` (e.g. ``products/lp-hm46/``) in
    ``locale``'s tree; ``""`` is the home itself."""
    home = home_for_locale(locale=locale)
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
    home = home_for_locale(locale=locale)
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


def page_translations(*, page: Page) -> list[Page]:
    """The page's live, public versions in the other locales."""
    return list(
        Page.objects.live()
        .public()
        .filter(translation_key=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
        .order_by("locale__language_code")
    )


def page_versions_by_slug(*, model: type[Page], slug: str) -> list[Page]:
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


# --- Headless preview ----------------------------------------------------------

PREVIEWABLE_TYPES = ["products.productpage", "products.guidepage"]


def preview_page_get(*, content_type: str, token: str) -> Page:
    """The unsaved page an editor previewed, for a valid, unexpired token.

    Raises ``PermissionDenied`` (``preview_token_invalid`` / ``_expired``) for a
    bad token and ``NotFound`` when the preview is gone.
    """
    model = apps.get_model(content_type)
    signer = model.get_preview_signer()
    try:
        signer.unsign(token, max_age=settings.HEADLESS_PREVIEW_TOKEN_MAX_AGE)
    except signing.SignatureExpired as error:
        raise PermissionDenied(
            gettext("The preview link has expired; preview again from the admin."),
            code="preview_token_expired",
        ) from error
    except signing.BadSignature as error:
        raise PermissionDenied(
            gettext("The preview token is not valid."), code="preview_token_invalid"
        ) from error
    page = model.get_page_from_preview_token(token)
    if page is None:
        raise NotFound(
            gettext("This preview no longer exists."), code="preview_not_found"
        )
    return page


@functools.cache
def _filter(spec: str):
    from wagtail.images.models import Filter

    return Filter(spec=spec)


def renditions_by_image(
    *, image_ids: Iterable[int | None], spec: str
) -> dict[int, dict]:
    """One rendition size of many images, as ``{image_id: {url, width, height,
    alt}}`` in one query without model instances (for listings). A rendition not
    generated yet is made once, the slow way, and read like the others after."""
    from wagtail.images import get_image_model

    image_ids = {pk for pk in image_ids if pk}
    if not image_ids:
        return {}
    Image = get_image_model()
    Rendition = Image.get_rendition_model()
    storage = Rendition._meta.get_field("file").storage
    focal = (
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )
    rows = Rendition.objects.filter(image_id__in=image_ids, filter_spec=spec).values(
        "image_id",
        "file",
        "width",
        "height",
        "focal_point_key",
        "image__title",
        "image__alt_text",
        *(f"image__{field}" for field in focal),
    )
    image_filter = _filter(spec)
    found: dict[int, dict] = {}
    for row in rows:
        image = SimpleNamespace(**{field: row[f"image__{field}"] for field in focal})
        if row["focal_point_key"] != image_filter.get_cache_key(image):
            continue  # made before the focal point changed
        found[row["image_id"]] = {
            "url": storage.url(row["file"]),
            "width": row["width"],
            "height": row["height"],
            "alt": row["image__alt_text"] or row["image__title"],
        }
    for image in Image.objects.filter(pk__in=image_ids - found.keys()):
        rendition = image.get_rendition(spec)
        found[image.pk] = {
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.default_alt_text,
        }
    return found
