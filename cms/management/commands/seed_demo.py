"""``manage.py seed_demo``: load the demo catalogue, guides and settings (idempotent).

The content and the logic are in ``cms.demo``; products go through the real
importer (``products.importer``), so the demo also exercises it.
"""

from django.core.management.base import BaseCommand

from cms.demo import demo_seed


class Command(BaseCommand):
    help = (
        "Load the demo content: a bilingual catalogue, guides, home page text and "
        "site settings. Running it again creates nothing new."
    )

    def handle(self, *args, **options):
        report = demo_seed()
        self.stdout.write(self.style.SUCCESS(report.summary()))
