"""Rows that, once written, stay as written: the guard shared by versions and consents.

Instances refuse a second ``save()`` and ``delete()``; querysets refuse ``update()``
and ``delete()``. That covers the admin, the API and the shell; the database
itself is not asked to enforce it (tests truncate tables).
"""

from __future__ import annotations

from django.db import models

from core.errors import Conflict


class ImmutableRecordError(Conflict):
    code = "immutable_record"
    title = "Record cannot be changed"


class ImmutableQuerySet(models.QuerySet):
    #: fields ``update()`` may still set, and only to NULL (Django's SET_NULL)
    nullable_on_update: frozenset[str] = frozenset()

    def update(self, **kwargs):
        allowed = set(kwargs) <= self.nullable_on_update and all(
            value is None for value in kwargs.values()
        )
        if not allowed:
            raise ImmutableRecordError(
                f"{self.model._meta.verbose_name} rows cannot be updated."
            )
        return super().update(**kwargs)

    def delete(self):
        raise ImmutableRecordError(
            f"{self.model._meta.verbose_name} rows cannot be deleted."
        )

    delete.queryset_only = True  # type: ignore[attr-defined]

    def purge(self) -> int:
        """Delete the rows whose retention period has ended — the one sanctioned
        way such records go (``members.privacy.retention``); how many went."""
        count = self.count()
        models.QuerySet.delete(self)
        return count

    purge.queryset_only = True  # type: ignore[attr-defined]


class ImmutableModel(models.Model):
    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableRecordError(
                f"A saved {self._meta.verbose_name} cannot be changed; "
                "publish or record a new one instead."
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError(f"A {self._meta.verbose_name} cannot be deleted.")
