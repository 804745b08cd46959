"""``manage.py search_reindex``: rebuild the catalogue's search index from the
published products and guides (after a deploy that changed the analysis rules, or
to fill the index of an existing database)."""

import time

from django.core.management.base import BaseCommand

from products.search.services import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the products and guides search index (SearchDocument/SearchTerm)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = search_index_rebuild()
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {count} pages in {seconds:.1f} s.")
        )
