"""Writing validated import rows: brands, categories and product pages.

Everything runs inside the caller's transaction; a failure on any row is collected
with its line number and raised at the end, so the caller rolls back the lot.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from wagtail.models import Page

from cms.services import site_tree_ensure
from core.errors import ApplicationError
from core.i18n import source_language

from ..models import ProductIndexPage, ProductPage
from ..services import (
    ProductData,
    brand_ensure,
    category_path_ensure,
    locale_for,
    product_create,
    product_translation_save,
    product_update,
    snippet_translation_ensure,
)
from .parsing import ImportFailed, RowError
from .validation import Row


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def summary(self) -> str:
        if self.dry_run:
            text = gettext(
                "{created} page(s) would be created, {updated} updated, "
                "{unchanged} unchanged."
            )
        else:
            text = gettext(
                "{created} page(s) were created, {updated} updated, "
                "{unchanged} unchanged."
            )
        return text.format(
            created=len(self.created),
            updated=len(self.updated),
            unchanged=len(self.unchanged),
        )

    def record(self, row: Row, outcome: str) -> None:
        getattr(self, outcome).append(f"{row.sku} ({row.locale})")


def _levels(source: Row | None, translation: Row | None, index: int) -> list[dict]:
    """Path ``index`` as names by language, paired level by level."""
    rows = [r for r in (source, translation) if r is not None and r.categories]
    depth = len(rows[0].categories[index])
    return [
        {row.locale: row.categories[index][level] for row in rows}
        for level in range(depth)
    ]


def _data(row: Row, brand, categories) -> ProductData:
    return ProductData(
        sku=row.sku,
        title=row.title,
        brand=brand,
        categories=list(categories),
        viscosity_grade=row.viscosity_grade,
        base_oil=row.base_oil,
        specifications=row.specifications,
        applications=row.applications,
        summary=row.summary,
        package_sizes=row.package_sizes,
    )


class _Writer:
    def __init__(self, report: ImportReport, user=None) -> None:
        self.report = report
        self.user = user
        homes = site_tree_ensure()
        self.indexes = {
            code: ProductIndexPage.objects.child_of(home).get()
            for code, home in homes.items()
        }

    def product(self, rows: dict[str, Row]) -> None:
        source = rows.get(source_language())
        if source is not None:
            page = self._source(source, rows)
        else:
            page = ProductPage.objects.get(
                locale__language_code=source_language(),
                sku=next(iter(rows.values())).sku,
            )
        for language, row in rows.items():
            if language != source_language():
                self._translation(page, row, source)

    def _source(self, row: Row, rows: dict[str, Row]) -> ProductPage:
        names = {r.locale: r.brand for r in rows.values() if r.brand}
        self.brands = brand_ensure(names=names) if row.brand else None
        self.categories = [
            category_path_ensure(levels=_levels(row, _other(rows), i))
            for i in range(len(row.categories))
        ]
        data = _data(
            row,
            self.brands[source_language()] if self.brands else None,
            [c[source_language()] for c in self.categories],
        )
        page = (
            ProductPage.objects.filter(locale=self.indexes[row.locale].locale)
            .filter(sku=row.sku)
            .first()
        )
        if page is None:
            page = product_create(
                parent=self.indexes[row.locale], data=data, user=self.user
            )
            self.report.record(row, "created")
            return page
        changed = product_update(page=page, data=data, user=self.user)
        self.report.record(row, "updated" if changed else "unchanged")
        return page

    def _translation(self, source_page: ProductPage, row: Row, source: Row | None):
        locale = locale_for(row.locale)
        if source is not None:
            brand = self.brands[row.locale] if self.brands else None
            categories = [c[row.locale] for c in self.categories]
        else:
            brand, categories = self._translated_links(source_page, row)
        existed = source_page.get_translation_or_none(locale) is not None
        _page, changed = product_translation_save(
            source=source_page,
            locale=locale,
            data=_data(row, brand, categories),
            user=self.user,
        )
        outcome = "created" if not existed else "updated" if changed else "unchanged"
        self.report.record(row, outcome)

    def _translated_links(self, source_page: ProductPage, row: Row):
        """Brand and categories for a translation whose source is not in the file."""
        locale = locale_for(row.locale)
        if row.brand:
            brand = brand_ensure(names={row.locale: row.brand})[row.locale]
        elif source_page.brand:
            brand = snippet_translation_ensure(obj=source_page.brand, locale=locale)
        else:
            brand = None
        if row.categories:
            categories = [
                category_path_ensure(levels=_levels(None, row, i))[row.locale]
                for i in range(len(row.categories))
            ]
        else:
            categories = [
                _category_translation(link.category, locale)
                for link in source_page.category_links.all()
            ]
        return brand, categories


def _other(rows: dict[str, Row]) -> Row | None:
    others = [r for code, r in rows.items() if code != source_language()]
    return others[0] if others else None


def _category_translation(category, locale):
    parent = _category_translation(category.parent, locale) if category.parent else None
    return snippet_translation_ensure(obj=category, locale=locale, parent=parent)


def write(groups: dict[str, dict[str, Row]], *, report: ImportReport, user=None):
    """Write every product; raise ``ImportFailed`` naming the rows that failed."""
    writer = _Writer(report, user)
    errors: list[RowError] = []
    for rows in groups.values():
        try:
            writer.product(rows)
        except (ValidationError, ApplicationError, Page.DoesNotExist) as exc:
            line = min(row.line for row in rows.values())
            errors.append(RowError(line, _message(exc)))
    if errors:
        raise ImportFailed(errors)


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError) and hasattr(exc, "message_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}"
            for name, messages in exc.message_dict.items()
        )
    return str(getattr(exc, "detail", None) or exc)
