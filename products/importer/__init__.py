"""Import products from CSV or JSON: parse, validate the whole file, then write.

One entry point, ``products_import(...)``, used by ``manage.py import_products``,
the admin upload view and ``seed_demo``. The columns are ``COLUMNS``; rows sharing
a ``sku`` are one product: the ``zh-hans`` row is the source page, the ``en`` row
its real Wagtail translation (same ``translation_key``, in the ``en`` tree).

Every row is checked before anything is written (``validation``); one bad row
means nothing is written and every bad row is reported with its line number.
Writing (``writing``) runs in one transaction and publishes a new revision only
for pages whose content changed; a dry run does the same work and rolls it back,
so its report is exact. This package re-exports its modules' public names.
"""

from __future__ import annotations

from django.db import transaction

from .parsing import COLUMNS, ImportFailed, RowError, parse
from .validation import Row, validate
from .writing import ImportReport, write

__all__ = [
    "COLUMNS",
    "ImportFailed",
    "ImportReport",
    "Row",
    "RowError",
    "parse",
    "products_import",
    "validate",
]


def products_import(
    *, data: bytes, filename: str = "", dry_run: bool = False, user=None
) -> ImportReport:
    """Import a CSV or JSON file's bytes; raise ``ImportFailed`` if any row is bad.

    Nothing is written when validation or any write fails, or when ``dry_run``.
    """
    groups = validate(parse(data, filename=filename))
    report = ImportReport(dry_run=dry_run)
    with transaction.atomic():
        write(groups, report=report, user=user)
        if dry_run:
            transaction.set_rollback(True)
    return report
