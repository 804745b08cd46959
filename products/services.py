"""Catalogue operations: brands and categories in every language, product pages.

The importer, ``seed_demo`` and tests call these; the admin uses Wagtail's own
views. Names are matched in the language they are written in; the ASCII ``slug``
(the same in every language) ties a snippet's translations together, and the
English version is always a real Wagtail translation (same ``translation_key``).

Product writes publish a revision only when something actually changed, so
re-importing the same file leaves the revision history untouched.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext
from wagtail.models import Locale

from core.errors import Conflict, ValidationFailed
from core.i18n import content_languages, source_language

from .models import (
    Brand,
    ProductCategory,
    ProductCategoryLink,
    ProductIndexPage,
    ProductPage,
    ProductSpecification,
)
from .packaging import PackageSize, package_size_stream, package_sizes_of

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser


def locale_for(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def ascii_slug(names: dict[str, str], *, max_length: int = 100) -> str:
    """The shared slug of a name given in several languages.

    English first (Chinese names have no ASCII slug); when no name has one, a
    short stable hash of the source name keeps the slug ASCII and unique enough.
    """
    for code in ("en", *names):
        slug = slugify(names.get(code, ""))[:max_length].strip("-")
        if slug:
            return slug
    source = names.get(source_language()) or next(iter(names.values()))
    return "c-" + hashlib.sha1(source.encode()).hexdigest()[:10]  # noqa: S324


# --- Translatable snippets -------------------------------------------------------


# The translatable snippets.
Snippet = TypeVar("Snippet", Brand, ProductCategory)


def snippet_translation_ensure(
    *, obj: Snippet, locale: Locale, **values: Any
) -> Snippet:
    """``obj``'s version in ``locale``: the existing one, or a new real translation.

    New translations take ``values`` (e.g. ``name``) over the source's fields.
    """
    existing = obj.get_translation_or_none(locale)
    if existing is not None:
        return existing
    copy = obj.copy_for_translation(locale)
    for key, value in values.items():
        setattr(copy, key, value)
    copy.full_clean()
    copy.save()
    return copy


def _by_language(source, names: dict[str, str], **extra_by_language) -> dict:
    result = {}
    for code in content_languages():
        values = {"name": names.get(code) or source.name}
        values.update({k: v[code] for k, v in extra_by_language.items()})
        obj = snippet_translation_ensure(obj=source, locale=locale_for(code), **values)
        if code in names and obj.name != names[code] and _is_placeholder(obj):
            # Made earlier without a name in this language (it copied the source's);
            # now that the file names it, use the real name.
            obj.name = names[code]
            obj.full_clean()
            obj.save(update_fields=["name"])
        result[code] = obj
    return result


def _is_placeholder(obj) -> bool:
    """A translation still carrying another language's name."""
    return obj.get_translations().filter(name=obj.name).exists()


@transaction.atomic
def brand_ensure(*, names: dict[str, str]) -> dict[str, Brand]:
    """The brand called ``names[language]``, in every content language.

    Looks a brand up by its name in each given language, then by the shared slug;
    creates it (in the source language first, then its translations) if missing.
    """
    names = {code: name.strip() for code, name in names.items() if name.strip()}
    if not names:
        raise ValidationFailed(
            gettext("A brand needs a name."), code="brand_name_missing"
        )
    found = None
    for code, name in names.items():
        found = Brand.objects.filter(locale__language_code=code, name=name).first()
        if found:
            break
    slug = ascii_slug(names)
    if found is None:
        found = Brand.objects.filter(slug=slug).order_by("locale_id").first()
    if found is None:
        source_name = names.get(source_language()) or next(iter(names.values()))
        found = Brand(name=source_name, slug=slug, locale=locale_for(source_language()))
        found.full_clean()
        found.save()
    return _by_language(found, names)


def _category_child(*, parent, locale: Locale, name: str = "", slug: str = ""):
    siblings = ProductCategory.objects.filter(locale=locale, parent=parent)
    if name:
        node = siblings.filter(name=name).first()
        if node is not None:
            return node
    return siblings.filter(slug=slug).first() if slug else None


@transaction.atomic
def category_create(
    *, name: str, slug: str, locale: Locale, parent: ProductCategory | None = None
) -> ProductCategory:
    category = ProductCategory(name=name, slug=slug, locale=locale, parent=parent)
    category.full_clean(exclude=["path"])
    category.save()
    return category


@transaction.atomic
def category_path_ensure(*, levels: list[dict[str, str]]) -> dict[str, ProductCategory]:
    """The category at the end of a path, in every content language.

    ``levels`` is the path from the top, each level the node's name by language
    (``[{"zh-hans": "发动机油", "en": "Engine oils"}, {...}]``). Missing nodes are
    created in the source language and translated, with each translation under
    the translated parent, so both trees have the same shape and slug paths.
    """
    parents: dict[str, ProductCategory | None] = dict.fromkeys(content_languages())
    for level in levels:
        names = {code: name.strip() for code, name in level.items() if name.strip()}
        if not names:
            raise ValidationFailed(
                gettext("Empty category name."), code="category_name_missing"
            )
        slug = ascii_slug(names)
        node = None
        for code, name in names.items():
            node = _category_child(
                parent=parents[code], locale=locale_for(code), name=name
            )
            if node:
                break
        if node is None:
            node = _category_child(
                parent=parents[source_language()],
                locale=locale_for(source_language()),
                slug=slug,
            )
        if node is None:
            node = category_create(
                name=names.get(source_language()) or next(iter(names.values())),
                slug=slug,
                locale=locale_for(source_language()),
                parent=parents[source_language()],
            )
        parents = _by_language(node, names, parent=parents)
    return parents  # type: ignore[return-value]


# --- Product pages ---------------------------------------------------------------


@dataclass
class ProductData:
    """Everything the importer sets on a product page in one language."""

    sku: str
    title: str
    brand: Brand | None = None
    categories: list[ProductCategory] = field(default_factory=list)
    viscosity_grade: str = ""
    base_oil: str = ""
    specifications: list[str] = field(default_factory=list)
    applications: str = ""
    summary: str = ""
    package_sizes: list[PackageSize] = field(default_factory=list)

    def state(self) -> tuple:
        return (
            self.sku,
            self.title,
            self.brand.pk if self.brand else None,
            tuple(c.pk for c in self.categories),
            self.viscosity_grade,
            self.base_oil,
            tuple(self.specifications),
            self.applications,
            self.summary,
            tuple(self.package_sizes),
        )


def product_state(*, page: ProductPage) -> tuple:
    """The importer-owned fields of a page, comparable with ``ProductData.state``."""
    return ProductData(
        sku=page.sku,
        title=page.title,
        brand=page.brand,
        categories=[link.category for link in page.category_links.all()],
        viscosity_grade=page.viscosity_grade,
        base_oil=page.base_oil,
        specifications=[spec.code for spec in page.specifications.all()],
        applications=page.applications,
        summary=page.summary,
        package_sizes=package_sizes_of(page.package_sizes),
    ).state()


def _apply(page: ProductPage, data: ProductData) -> None:
    page.title = data.title
    page.draft_title = data.title
    page.sku = data.sku
    page.brand = data.brand
    page.viscosity_grade = data.viscosity_grade
    page.base_oil = data.base_oil
    page.summary = data.summary
    page.applications = data.applications
    page.package_sizes = package_size_stream(
        data.package_sizes,
        page.translation_key,
        keep=list(getattr(page.package_sizes, "raw_data", None) or []),
    )
    page.category_links = [ProductCategoryLink(category=c) for c in data.categories]
    page.specifications = [ProductSpecification(code=c) for c in data.specifications]


def _publish(page: ProductPage, user: AbstractBaseUser | None = None) -> ProductPage:
    page.full_clean()
    page.save_revision(user=user, log_action=True).publish(user=user)
    page.refresh_from_db()
    return page


@transaction.atomic
def product_create(
    *, parent: ProductIndexPage, data: ProductData, user: AbstractBaseUser | None = None
) -> ProductPage:
    """A new, published product page under ``parent`` (slug = slugified SKU)."""
    slug = slugify(data.sku)
    if not slug:
        raise ValidationFailed(
            gettext("The SKU needs letters or digits."), code="sku_invalid"
        )
    if parent.get_children().filter(slug=slug).exists():
        raise Conflict(
            gettext("A page with slug {slug!r} already exists.").format(slug=slug),
            code="slug_taken",
        )
    page = ProductPage(slug=slug, locale=parent.locale, title=data.title)
    _apply(page, data)
    parent.add_child(instance=page)
    return _publish(page, user)


@transaction.atomic
def product_update(
    *, page: ProductPage, data: ProductData, user: AbstractBaseUser | None = None
) -> bool:
    """Publish ``data`` on ``page`` as a new revision; False (and no revision) when
    nothing changed."""
    if product_state(page=page) == data.state() and not page.alias_of_id:
        return False
    if page.alias_of_id:
        # A wagtail-localize alias mirrors its source; imported English content
        # makes it a translation of its own.
        page.alias_of = None
    _apply(page, data)
    _publish(page, user)
    return True


@transaction.atomic
def product_translation_save(
    *,
    source: ProductPage,
    locale: Locale,
    data: ProductData,
    user: AbstractBaseUser | None = None,
) -> tuple[ProductPage, bool]:
    """Create or update ``source``'s translation in ``locale``.

    A new translation is a real Wagtail one (``copy_for_translation``: same
    ``translation_key``, under the translated products index). Returns the page
    and whether it was created or changed.
    """
    # Package sizes are synchronised, not translated: the source's, ids and all.
    data = replace(data, package_sizes=package_sizes_of(source.package_sizes))
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing, product_update(page=existing, data=data, user=user)
    page = source.copy_for_translation(locale)
    _apply(page, data)
    return _publish(page, user), True
