"""Helpers for tests that race two threads against the database."""

from django.db import OperationalError


def sqlite_retrying(call):
    """SQLite's shared in-memory test database refuses a second writer at once
    ("table is locked") where a file database waits (``timeout``); retry like the
    busy timeout would. PostgreSQL never needs it."""
    for _attempt in range(200):
        try:
            return call()
        except OperationalError as exc:
            if "locked" not in str(exc):
                raise
    raise AssertionError("still locked")
