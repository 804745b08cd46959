"""One-field input errors raised by the members app's services, as our problem
details (``core.errors.ValidationFailed``). Django's ``ValidationError`` from
``full_clean`` needs no wrapping: the API's exception handler maps it to the same
400 problem."""

from __future__ import annotations

from core.errors import ValidationFailed


def field_error(attr: str, detail: str, code: str = "invalid") -> ValidationFailed:
    """One field's error: ``detail`` is both the problem's and the field's."""
    return ValidationFailed(
        detail, errors=[{"code": code, "detail": detail, "attr": attr}]
    )
