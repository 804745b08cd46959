"""Helpers for tests that race two threads against the database."""

import time

from django.db import OperationalError


def sqlite_retrying(call):
    """SQLite's shared in-memory test database refuses a second writer at once
    ("table is locked") where a file database waits (``timeout``); retry like the
    busy timeout would — backing off a little, so a loaded machine's slower
    winner can commit. PostgreSQL never needs it."""
    for attempt in range(400):
        try:
            return call()
        except OperationalError as exc:
            if "locked" not in str(exc):
                raise
            time.sleep(min(0.001 * attempt, 0.02))  # the busy timeout's wait
    raise AssertionError("still locked")
