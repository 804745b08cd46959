"""``manage.py import_products PATH [--dry-run]``: the catalogue importer, from a shell.

The work is in ``products.importer``; this only reads the file and prints the
report, or every bad row (and exits non-zero) when the file is rejected.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from products.importer import COLUMNS, ImportFailed, products_import


class Command(BaseCommand):
    help = (
        "Import products from a UTF-8 CSV file with a header row or a JSON list. "
        f"Columns: {', '.join(COLUMNS)}. The whole file is checked first: if any "
        "row is bad nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A .csv or .json file.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would change, without writing.",
        )

    def handle(self, *args, path: str, dry_run: bool, **options):
        file = Path(path)
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from exc
        try:
            report = products_import(data=data, filename=file.name, dry_run=dry_run)
        except ImportFailed as exc:
            lines = "\n".join(f"  {error}" for error in exc.row_errors)
            raise CommandError(f"{path}: {exc.detail}\n{lines}") from exc
        if options["verbosity"] > 1:
            for outcome in ("created", "updated", "unchanged"):
                for label in getattr(report, outcome):
                    self.stdout.write(f"  {outcome}: {label}")
        prefix = "Dry run: " if dry_run else ""
        self.stdout.write(self.style.SUCCESS(f"{prefix}{report.summary()}"))
