"""Rows that, once written, stay as written: the guard shared by versions and consents.

Instances refuse a second ``save()`` and ``delete()``; querysets refuse ``update()``
and ``delete()``. That covers the admin, the API and the shell; the database
itself is not asked to enforce it (tests truncate tables).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.errors import Conflict


class ImmutableRecordError(Conflict):
    code = "immutable_record"
    title = _("Record cannot be changed")


class ImmutableQuerySet(models.QuerySet):
    #: fields ``update()`` may still set, and only to NULL (Django's SET_NULL)
    nullable_on_update: frozenset[str] = frozenset()

    def update(self, **kwargs):
        allowed = set(kwargs) <= self.nullable_on_update and all(
            value is None for value in kwargs.values()
        )
        if not allowed:
            raise ImmutableRecordError(
                gettext("{noun} rows cannot be updated.").format(
                    noun=self.model._meta.verbose_name
                )
            )
        return super().update(**kwargs)

    def delete(self):
        raise ImmutableRecordError(
            gettext("{noun} rows cannot be deleted.").format(
                noun=self.model._meta.verbose_name
            )
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
                gettext(
                    "A saved {noun} cannot be changed; "
                    "publish or record a new one instead."
                ).format(noun=self._meta.verbose_name)
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError(
            gettext("A {noun} cannot be deleted.").format(noun=self._meta.verbose_name)
        )
