"""``manage.py seed_demo``: load the demo catalogue, guides and settings (idempotent).

The content and the logic are in ``demo.seed``; products go through the real
importer (``products.importer``), so the demo also exercises it. The search index
is rebuilt at the end, so the demo is searchable however old the database is.
"""

import logging
from contextlib import contextmanager

from django.core.management.base import BaseCommand
from django.utils import translation

from demo.seed import demo_seed
from products.search.services import search_index_rebuild

# Wagtail logs every page action, and each publish queues tasks (search index, cache,
# webhooks) that the development task backend runs and logs at once: thousands of
# lines that would bury the summary.
QUIETED_LOGGERS = ("django_tasks", "django_tasks_db", "wagtail")


@contextmanager
def quiet(names=QUIETED_LOGGERS):
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Load the demo content: a bilingual catalogue, guides, home page text and "
        "site settings. Running it again creates nothing new."
    )

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 0

        def progress(step: str) -> None:
            if verbose:
                self.stdout.write(f"  loading {step} …")

        if verbose:
            self.stdout.write("Loading the demo content:")
        with quiet():
            report = demo_seed(progress=progress)
            # Publishing indexes what it changes; a rebuild also fills the index of
            # a database seeded before search existed.
            progress("search index")
            indexed = search_index_rebuild()
        with translation.override("en"):  # one language: the rest is English too
            summary = report.summary()
        self.stdout.write(
            self.style.SUCCESS(f"{summary} Search index: {indexed} pages.")
        )
