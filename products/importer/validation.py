"""Checking every row of an import file before anything is written.

``validate`` returns the rows grouped by SKU and language, or raises
``ImportFailed`` listing every bad row with its line number and the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.text import slugify
from django.utils.translation import gettext

from core.i18n import content_languages, source_language

from ..models import BaseOil, ProductPage
from ..packaging import PackageSize, parse_package_size
from .parsing import COLUMNS, REQUIRED, ImportFailed, RowError

MAX_LENGTHS = {"sku": 64, "title": 255, "viscosity_grade": 40, "brand": 100}


@dataclass
class Row:
    """One validated row: lists already split, text stripped."""

    line: int
    sku: str
    locale: str
    title: str
    brand: str
    categories: list[list[str]]
    viscosity_grade: str
    base_oil: str
    specifications: list[str]
    applications: str
    summary: str
    package_sizes: list[PackageSize]


# --- Validation ----------------------------------------------------------------------


def _text(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(item).strip() for item in value)
    return str(value).strip()


def _items(record: dict[str, Any], key: str) -> list[str]:
    """A `;`-separated (or newline-separated, or JSON list) value as a list."""
    value = record.get(key)
    parts = value if isinstance(value, list) else str(value or "").split(";")
    items: list[str] = []
    for part in parts:
        items.extend(line.strip() for line in str(part).splitlines())
    return [item for item in items if item]


def _base_oil(value: str) -> str | None:
    normalised = value.strip().lower().replace("-", "_").replace(" ", "_")
    return normalised if normalised in BaseOil.values or not normalised else None


def _row(line: int, record: Any, errors: list[RowError]) -> Row | None:
    def fail(message: str) -> None:
        errors.append(RowError(line, message))

    if not isinstance(record, dict):
        fail("expected an object with the columns as keys.")
        return None
    if "__extra__" in record:
        fail(
            gettext("more values than there are columns (is a comma missing quotes?).")
        )
        return None
    before = len(errors)
    unknown = sorted(set(record) - set(COLUMNS))
    if unknown:
        fail(gettext("unknown key(s): {keys}.").format(keys=", ".join(unknown)))
    for key in REQUIRED:
        if not _text(record, key):
            fail(gettext("{key} is required.").format(key=key))
    language = _text(record, "locale").lower()
    if language and language not in content_languages():
        fail(
            gettext("locale {locale!r} is not one of {codes}.").format(
                locale=language, codes=", ".join(content_languages())
            )
        )
    for key, limit in MAX_LENGTHS.items():
        if len(_text(record, key)) > limit:
            fail(
                gettext("{key} is longer than {limit} characters.").format(
                    key=key, limit=limit
                )
            )
    sku = _text(record, "sku")
    if sku and not slugify(sku):
        fail(
            gettext(
                "sku {sku!r} needs letters or digits (it becomes the page's slug)."
            ).format(sku=sku)
        )
    base_oil = _base_oil(_text(record, "base_oil"))
    if base_oil is None:
        fail(
            gettext("base_oil {value!r} is not one of {values}.").format(
                value=_text(record, "base_oil"), values=", ".join(BaseOil.values)
            )
        )
    categories = [
        [name.strip() for name in path.split("/")]
        for path in _items(record, "category")
    ]
    for path in categories:
        if not all(path):
            fail(
                gettext("category path {path!r} has an empty level.").format(
                    path="/".join(path)
                )
            )
        if any(len(name) > 100 for name in path):
            fail(gettext("a category name is longer than 100 characters."))
    specifications = _items(record, "specifications")
    if any(len(code) > 80 for code in specifications):
        fail(gettext("a specification is longer than 80 characters."))
    if language == source_language() and not categories:
        fail(gettext("category is required on the zh-hans row (a product needs one)."))
    if len(errors) > before:
        return None
    return Row(
        line=line,
        sku=sku,
        locale=language,
        title=_text(record, "title"),
        brand=_text(record, "brand"),
        categories=categories,
        viscosity_grade=_text(record, "viscosity_grade"),
        base_oil=base_oil or "",
        specifications=specifications,
        applications="\n".join(_items(record, "applications")),
        summary=_text(record, "summary"),
        package_sizes=[
            parse_package_size(item) for item in _items(record, "package_sizes")
        ],
    )


def _check_pair(source: Row | None, translation: Row, errors: list[RowError]) -> None:
    line = translation.line
    if source is None:
        exists = ProductPage.objects.filter(
            locale__language_code=source_language(), sku=translation.sku
        ).exists()
        if not exists:
            errors.append(
                RowError(
                    line,
                    gettext(
                        "no zh-hans row for sku {sku!r} in the file or the site; "
                        "the English row translates a Chinese product."
                    ).format(sku=translation.sku),
                )
            )
        return
    if translation.brand and not source.brand:
        errors.append(
            RowError(line, gettext("brand is given here but not on the zh-hans row."))
        )
    if translation.categories:
        shape = [len(path) for path in translation.categories]
        source_shape = [len(path) for path in source.categories]
        if shape != source_shape:
            errors.append(
                RowError(
                    line,
                    gettext(
                        "category levels {shape} do not match the zh-hans row's "
                        "{source_shape} (line {line}); paths pair level by level."
                    ).format(shape=shape, source_shape=source_shape, line=source.line),
                )
            )


def _check_site(sku: str, rows: dict[str, Row], errors: list[RowError]) -> None:
    """Conflicts with pages already on the site."""
    slug = slugify(sku)
    pages = (
        ProductPage.objects.filter(slug=slug).exclude(sku=sku).select_related("locale")
    )
    for page in pages:
        row = rows.get(page.locale.language_code)
        if row is not None:
            errors.append(
                RowError(
                    row.line,
                    gettext("slug {slug!r} is taken by product {sku!r}.").format(
                        slug=slug, sku=page.sku
                    ),
                )
            )
    keys = set(
        ProductPage.objects.filter(sku=sku).values_list("translation_key", flat=True)
    )
    if len(keys) > 1:
        line = min(row.line for row in rows.values())
        errors.append(
            RowError(
                line,
                gettext(
                    "products with sku {sku!r} exist in several languages but are "
                    "not translations of each other; fix them in the admin first."
                ).format(sku=sku),
            )
        )


def validate(records: list[tuple[int, Any]]) -> dict[str, dict[str, Row]]:
    """Rows grouped by SKU then language; raises ``ImportFailed`` listing every
    bad row."""
    errors: list[RowError] = []
    groups: dict[str, dict[str, Row]] = {}
    slugs: dict[str, tuple[str, int]] = {}
    for line, record in records:
        row = _row(line, record, errors)
        if row is None:
            continue
        group = groups.setdefault(row.sku, {})
        if row.locale in group:
            errors.append(
                RowError(
                    line,
                    gettext(
                        "sku {sku!r} ({locale}) already appears on line {line}."
                    ).format(
                        sku=row.sku, locale=row.locale, line=group[row.locale].line
                    ),
                )
            )
            continue
        other = slugs.setdefault(slugify(row.sku), (row.sku, line))
        if other[0] != row.sku:
            errors.append(
                RowError(
                    line,
                    gettext(
                        "sku {sku!r} clashes with {other!r} on line {line} "
                        "(same page slug)."
                    ).format(sku=row.sku, other=other[0], line=other[1]),
                )
            )
            continue
        group[row.locale] = row
    for sku, group in groups.items():
        for language, row in group.items():
            if language != source_language():
                _check_pair(group.get(source_language()), row, errors)
        _check_site(sku, group, errors)
    if not records:
        errors.append(RowError(0, gettext("The file has no rows.")))
    if errors:
        raise ImportFailed(sorted(errors, key=lambda e: e.line))
    return groups
