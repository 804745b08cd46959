"""``manage.py seed_demo``: load the demo catalogue, guides and settings (idempotent).

The content and the logic are in ``demo.seed``; products go through the real
importer (``products.importer``), so the demo also exercises it. The search index
is rebuilt at the end, so the demo is searchable however old the database is.
"""

from django.core.management.base import BaseCommand

from demo.seed import demo_seed
from products.search.services import search_index_rebuild


class Command(BaseCommand):
    help = (
        "Load the demo content: a bilingual catalogue, guides, home page text and "
        "site settings. Running it again creates nothing new."
    )

    def handle(self, *args, **options):
        report = demo_seed()
        # Publishing indexes what it changes; a rebuild also fills the index of a
        # database seeded before search existed.
        indexed = search_index_rebuild()
        self.stdout.write(
            self.style.SUCCESS(f"{report.summary()} Search index: {indexed} pages.")
        )
