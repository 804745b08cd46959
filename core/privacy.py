"""The personal data registry: who holds a member's data, how to export and erase it.

Every model with a foreign key to the user registers here, from its own app's
(or, in ``members``, its own domain's) ``privacy.py``, imported by
``AppConfig.ready``::

    from core import privacy

    privacy.register(
        Favorite, exporter=privacy.rows("page_id"), eraser=privacy.delete_rows()
    )

* ``exporter(user) -> JSON-able`` feeds ``GET /api/v1/me/export/`` (access);
* ``eraser(user) -> None`` runs when the member cancels the account: delete the rows,
  or anonymise what must be kept, including files and caches.

``tests/members/test_privacy_registry.py`` fails when a model with a user FK is not
registered, so new member data cannot silently escape export and erasure. The models
of Django, Wagtail and allauth that point at users are registered in
``members.privacy.privacy``.

This is the base layer: it imports no project app, so every domain app (``legal``,
``members`` …) can register without importing another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models

Exporter = Callable[[Any], Any]
Eraser = Callable[[Any], object]  # what it returns is ignored


@dataclass(frozen=True)
class Registration:
    model: type[models.Model]
    exporter: Exporter
    eraser: Eraser

    @property
    def label(self) -> str:
        return self.model._meta.label


_registry: dict[str, Registration] = {}


def register(model: type[models.Model], *, exporter: Exporter, eraser: Eraser) -> None:
    """Declare that ``model`` holds members' personal data. Registering twice
    replaces the earlier registration (so tests may override)."""
    for helper in (exporter, eraser):
        if isinstance(helper, _Bound) and helper.model is None:
            helper.model = model
    _registry[model._meta.label] = Registration(model, exporter, eraser)


def registrations() -> list[Registration]:
    """Every registration; the user model first (erasers run last-to-first, so the
    user row is anonymised after the rows that point at it)."""
    user_label = settings.AUTH_USER_MODEL
    return sorted(_registry.values(), key=lambda r: (r.label != user_label, r.label))


def is_registered(model: type[models.Model]) -> bool:
    return model._meta.label in _registry


def user_foreign_keys(model: type[models.Model]) -> list[models.Field]:
    """The concrete FK/one-to-one fields ``model`` itself (not a parent) defines to
    the user model."""
    user_label = settings.AUTH_USER_MODEL
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, models.ForeignKey)
        and field.concrete
        and field.model is model
        and field.related_model is not None
        and field.related_model._meta.label == user_label
    ]


def user_or_email(user: Any, *, field: str = "email") -> models.Q:
    """Rows of the user, or made with their e-mail address before they signed up
    (consultations and subscriptions a visitor made belong to the member too)."""
    return models.Q(user=user) | models.Q(**{f"{field}__iexact": user.email})


# --- ready-made exporters and erasers ------------------------------------------


def _filter(model: type[models.Model], user: Any, fields: tuple[str, ...]):
    query = models.Q()
    for name in fields or [f.name for f in user_foreign_keys(model)]:
        query |= models.Q(**{name: user})
    return model._default_manager.filter(query)


def rows(*fields: str, by: tuple[str, ...] = ()) -> Exporter:
    """An exporter: the listed fields of every row pointing at the user (through
    the FK fields ``by``, default all of them)."""
    return _Bound(fields, by, "rows")


def delete_rows(*, by: tuple[str, ...] = ()) -> Eraser:
    """An eraser: delete every row pointing at the user."""
    return _Bound((), by, "delete")


def detach(*, by: tuple[str, ...] = ()) -> Eraser:
    """An eraser for records that outlive the member (e.g. who edited a page): the
    FK is set to NULL, so nothing links the row to them any more."""
    return _Bound((), by, "detach")


class _Bound:
    """A ready-made exporter/eraser; learns its model when called via the registry."""

    def __init__(self, fields: tuple[str, ...], by: tuple[str, ...], kind: str) -> None:
        self.fields, self.by, self.kind = fields, by, kind
        self.model: type[models.Model] | None = None

    def __call__(self, user: Any) -> Any:
        assert self.model is not None, "register() binds the model"  # noqa: S101
        queryset = _filter(self.model, user, self.by)
        if self.kind == "rows":
            return [jsonable(row) for row in queryset.values(*self.fields)]
        if self.kind == "delete":
            queryset.delete()
            return None
        names = self.by or tuple(f.name for f in user_foreign_keys(self.model))
        for name in names:
            self.model._default_manager.filter(**{name: user}).update(**{name: None})
        return None


def jsonable(row: dict) -> dict:
    """``row`` with every value made JSON-able (dates as ISO 8601, others as text)."""
    return {key: json_value(value) for key, value in row.items()}


def json_value(value: Any) -> Any:
    """One value as exporters write it: ISO 8601 dates, JSON types as they are,
    anything else as text."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, str | int | float | bool | type(None) | list | dict):
        return value
    return str(value)
