"""Reads of pages of any type: the home of a locale, pages by frontend path, the
main navigation, a page's translations (each one or two queries), and the draft
behind a headless-preview token."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.apps import apps
from django.conf import settings
from django.core import signing
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext
from wagtail.models import Locale, Page, PageViewRestriction

from core.errors import NotFound, PermissionDenied

from .models import HomePage, image_alt


def unrestricted() -> Q:
    """Wagtail's ``.public()`` as a condition in the same query: no view
    restriction on the page or an ancestor (a restricted page's tree path is a
    prefix of the path). ``.public()`` reads every restriction first: one more
    query per queryset, which details with several page reads avoid."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return ~Q(Exists(restricted))


def page_relatives_and_links(
    *, page: Page, link_ids: Iterable[int], locale: Locale
) -> tuple[list[Page], list[dict], dict[int, str]]:
    """The page's live, public versions in the other locales (language order),
    its breadcrumbs (``page_breadcrumbs``' rows) and, in the same query, the
    frontend path of each page ``link_ids`` names (rich-text links: the version
    in ``locale``, else the linked page itself when live;
    ``RichTextRenderer(paths=…)``)."""
    from django.db.models import BooleanField, ExpressionWrapper

    from core.pages import page_frontend_path

    ids = set(link_ids)
    steplen = page.steplen
    prefixes = [page.path[:end] for end in range(2 * steplen, len(page.path), steplen)]
    translations = (
        Q(translation_key=page.translation_key, live=True)
        & ~Q(locale_id=page.locale_id)
        & unrestricted()
    )
    linked = Q(pk__in=ids) | Q(
        live=True,
        translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key"),
    )
    rows = list(
        Page.objects.filter(translations | Q(path__in=prefixes) | linked)
        .annotate(
            is_translation=ExpressionWrapper(translations, output_field=BooleanField())
        )
        .select_related("locale")
        .order_by("locale__language_code", "path")
    )
    ancestors = sorted(
        (row for row in rows if row.path in prefixes), key=lambda row: row.path
    )
    crumbs = [
        {"id": row.pk, "title": row.title, "url_path": row.url_path}
        for row in ancestors
    ]
    crumbs.append({"id": page.pk, "title": page.title, "url_path": page.url_path})
    keys = {row.pk: row.translation_key for row in rows if row.pk in ids}
    by_key = {
        row.translation_key: row
        for row in rows
        if row.live
        and row.locale_id == locale.pk
        and row.translation_key in keys.values()
    }
    paths = {}
    for pk, key in keys.items():
        target = by_key.get(key)
        if target is None:
            target = next((r for r in rows if r.pk == pk and r.live), None)
        if target is not None:
            paths[pk] = page_frontend_path(target)
    found = [row for row in rows if row.is_translation and row.path not in prefixes]
    return found, crumbs, paths


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


def redirect_for_path(*, paths: Iterable[str], site=None):
    """The editors' redirect (Settings → Redirects) from any of ``paths`` (the
    path as asked and its canonical form), with its target page; ``None``."""
    from wagtail.contrib.redirects.models import Redirect

    old_paths = list(dict.fromkeys(Redirect.normalise_path(path) for path in paths))
    return (
        Redirect.get_for_site(site)
        .filter(old_path__in=old_paths)
        .select_related("redirect_page", "redirect_page__locale")
        .order_by("site_id")  # a site's own redirect before the all-sites one
        .first()
    )


def pages_at_elsewhere(*, below_home: str, locale: Locale) -> list[Page]:
    """Live, public pages at ``below_home`` in the other locales' trees (an
    untranslated path: the page exists, only not in ``locale``). One query."""
    homes = HomePage.objects.exclude(locale=locale).values_list("url_path", flat=True)
    return list(
        Page.objects.live()
        .public()
        .filter(url_path__in=[home + below_home for home in homes])
        .exclude(locale=locale)
        .select_related("locale")
    )


def page_by_translation(*, translation_key, locale: Locale) -> Page | None:
    """The live, public version of a page in ``locale``."""
    return (
        Page.objects.live()
        .public()
        .filter(translation_key=translation_key, locale=locale)
        .select_related("locale", "content_type")
        .first()
    )


def page_breadcrumbs(*, page: Page) -> list[dict]:
    """The home and every page down to ``page`` (itself last) as ``{id, title,
    url_path}`` rows, in one query (the ancestors' tree paths are prefixes of
    the page's)."""
    steplen = page.steplen
    prefixes = [page.path[:end] for end in range(2 * steplen, len(page.path), steplen)]
    rows = list(
        Page.objects.filter(path__in=prefixes)
        .order_by("path")
        .values("id", "title", "url_path")
    )
    return [*rows, {"id": page.pk, "title": page.title, "url_path": page.url_path}]


def sitemap_pages() -> list[Page]:
    """Every live, public page below a home (the homes included) with its
    locale, in tree order: one query (and one for view restrictions)."""
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gte=2)
        .select_related("locale", "content_type")
        .only(
            "id",
            "path",
            "depth",
            "url_path",
            "translation_key",
            "last_published_at",
            "latest_revision_created_at",
            "locale__language_code",
            "content_type__app_label",
            "content_type__model",
        )
        .order_by("path")
    )
    return list(pages)


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
    *, image_ids: Iterable[int | None], spec: str, language: str = ""
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
        "image__alt_text_en",
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
            "alt": image_alt(
                language,
                alt_text=row["image__alt_text"],
                alt_text_en=row["image__alt_text_en"],
                title=row["image__title"],
            ),
        }
    for image in Image.objects.filter(pk__in=image_ids - found.keys()):
        rendition = image.get_rendition(spec)
        found[image.pk] = {
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.alt_for(language),
        }
    return found


def default_share_image(*, site, spec: str):
    """The site settings' default share image with its ``spec`` rendition
    prefetched, or None (two queries: the image, its renditions)."""
    from wagtail.images import get_image_model

    from .models import SiteSettings

    if site is None:
        return None
    chosen = SiteSettings.objects.filter(site=site).values("share_image_id")[:1]
    return (
        get_image_model()
        .objects.filter(pk__in=chosen)
        .prefetch_renditions(spec)
        .first()
    )


# --- Images as rows ------------------------------------------------------------


@dataclass
class RenditionData:
    """A rendition read as a row: what the API shows of it."""

    url: str
    width: int
    height: int


@dataclass
class ImageFile:
    name: str


@dataclass
class ImageData:
    """An image read with its renditions in one query (``image_data``): what
    ``frontend_api.content.media`` reads of a Wagtail image, without model
    instances (``pk``, size, focal point, alt text, file name, renditions)."""

    pk: int
    title: str
    alt_text: str
    alt_text_en: str
    width: int
    height: int
    file: ImageFile
    focal_point_x: int | None = None
    focal_point_y: int | None = None
    focal_point_width: int | None = None
    focal_point_height: int | None = None
    renditions: dict[str, RenditionData] = field(default_factory=dict)

    @property
    def id(self) -> int:
        return self.pk

    def alt_for(self, language: str) -> str:
        return image_alt(
            language,
            alt_text=self.alt_text,
            alt_text_en=self.alt_text_en,
            title=self.title,
        )

    def has_focal_point(self) -> bool:
        return None not in (
            self.focal_point_x,
            self.focal_point_y,
            self.focal_point_width,
            self.focal_point_height,
        )

    def get_renditions(self, *specs: str) -> dict[str, RenditionData]:
        return {spec: self.renditions[spec] for spec in specs}


_IMAGE_FIELDS = (
    "title",
    "alt_text",
    "alt_text_en",
    "width",
    "height",
    "file",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
)


def image_data(*, wanted: Mapping[int, Iterable[str]]) -> dict[int, ImageData]:
    """Images with the renditions each needs (``{image_id: specs}``) as
    ``ImageData``: one query on the rendition table joined to the image,
    whatever the number of images. Renditions never made (or made before the
    focal point moved) are generated once, the slow way, and read like the
    others afterwards."""
    from wagtail.images import get_image_model

    specs_of = {pk: tuple(specs) for pk, specs in wanted.items() if pk}
    if not specs_of:
        return {}
    Image = get_image_model()
    Rendition = Image.get_rendition_model()
    storage = Rendition._meta.get_field("file").storage
    by_specs: dict[tuple[str, ...], list[int]] = {}
    for pk, specs in specs_of.items():
        by_specs.setdefault(specs, []).append(pk)
    match = Q()
    for specs, ids in by_specs.items():
        match |= Q(image_id__in=ids, filter_spec__in=specs)
    rows = Rendition.objects.filter(match).values(
        "image_id",
        "filter_spec",
        "file",
        "width",
        "height",
        "focal_point_key",
        *(f"image__{name}" for name in _IMAGE_FIELDS),
    )
    found: dict[int, ImageData] = {}
    for row in rows:
        image = found.get(row["image_id"])
        if image is None:
            fields = {name: row[f"image__{name}"] for name in _IMAGE_FIELDS}
            fields["file"] = ImageFile(fields["file"])
            image = found[row["image_id"]] = ImageData(pk=row["image_id"], **fields)
        spec = row["filter_spec"]
        if row["focal_point_key"] != _filter(spec).get_cache_key(image):
            continue  # made before the focal point changed
        image.renditions[spec] = RenditionData(
            storage.url(row["file"]), row["width"], row["height"]
        )
    incomplete = [
        pk
        for pk, specs in specs_of.items()
        if pk not in found or any(spec not in found[pk].renditions for spec in specs)
    ]
    for image in Image.objects.filter(pk__in=incomplete):
        made = image.get_renditions(*specs_of[image.pk])
        fields = {name: getattr(image, name) for name in _IMAGE_FIELDS}
        fields["file"] = ImageFile(image.file.name)
        found[image.pk] = ImageData(
            pk=image.pk,
            **fields,
            renditions={
                spec: RenditionData(r.url, r.width, r.height)
                for spec, r in made.items()
            },
        )
    for pk in incomplete:  # deleted since: not shown
        if pk in found and any(
            spec not in found[pk].renditions for spec in specs_of[pk]
        ):
            del found[pk]
    return found
