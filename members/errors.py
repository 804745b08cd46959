"""Input errors as our problem details (``core.errors.ValidationFailed``), shared by
every domain of the members app: Django's ``ValidationError`` from ``full_clean``
and one-field errors raised by the services."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext

from core.errors import ValidationFailed


def validation_failed(exc: DjangoValidationError) -> ValidationFailed:
    """Django's field errors as our problem-details ``errors`` list."""
    errors = []
    for attr, items in exc.error_dict.items() if hasattr(exc, "error_dict") else []:
        for item in items:
            errors.append(
                {
                    "code": item.code or "invalid",
                    "detail": " ".join(item.messages),
                    "attr": None if attr == "__all__" else attr,
                }
            )
    if not errors:
        errors = [{"code": "invalid", "detail": " ".join(exc.messages), "attr": None}]
    detail = (
        errors[0]["detail"] if len(errors) == 1 else gettext("The input is invalid.")
    )
    return ValidationFailed(detail, errors=errors)


def field_error(attr: str, detail: str, code: str = "invalid") -> ValidationFailed:
    """One field's error: ``detail`` is both the problem's and the field's."""
    return ValidationFailed(
        detail, errors=[{"code": code, "detail": detail, "attr": attr}]
    )
