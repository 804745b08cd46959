"""Rows built once for a module's tests.

A module-scoped fixture opens a transaction, builds its rows and yields; each test's
own transaction (pytest-django's ``db``) then nests inside it as a savepoint, so a
test sees the shared rows and its changes are undone after it, as with Django's
``TestCase.setUpTestData``. After the module's last test the shared rows are rolled
back too. Only for modules without transactional tests.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.cache import cache
from django.db import transaction


@contextmanager
def rows_for_the_module(django_db_blocker) -> Iterator[None]:
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                yield
                transaction.set_rollback(True)
        finally:
            cache.clear()  # nothing cached from rows that no longer exist
