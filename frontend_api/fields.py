"""Input fields that refuse what the database cannot hold, as a 400.

An integer beyond the database's range reaches a query as an ``OverflowError``
(SQLite) or a ``DataError`` (PostgreSQL): a 500. Every integer the API reads from
a request body is this ``IntegerField``, bounded to the 64-bit range both databases
hold (``tests/fuzz/test_boundaries`` fails for an integer in a request schema
without both bounds).
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from rest_framework import serializers

DB_INT_MIN, DB_INT_MAX = connection.ops.integer_field_range("BigIntegerField")


class IntegerField(serializers.IntegerField):
    """DRF's ``IntegerField``, bounded by default to what the database holds."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["min_value"] = max(kwargs.get("min_value", DB_INT_MIN), DB_INT_MIN)
        kwargs["max_value"] = min(kwargs.get("max_value", DB_INT_MAX), DB_INT_MAX)
        super().__init__(**kwargs)
