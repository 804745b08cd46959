"""Reading and correcting a member's own profile."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction

from core.errors import Conflict, ValidationFailed
from members.models import User
from members.phones import phone_normalize

EDITABLE_FIELDS = (
    "display_name",
    "phone",
    "wechat_id",
    "qq",
    "contact_address",
    "company_name",
    "company_address",
    "position",
    "preferred_language",
)


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
    detail = errors[0]["detail"] if len(errors) == 1 else "The input is invalid."
    return ValidationFailed(detail, errors=errors)


def member_profile_update(*, user: User, data: dict[str, Any]) -> User:
    """Apply the member's own corrections (only ``EDITABLE_FIELDS``).

    A phone number is normalised to E.164 (mainland by default); an empty value
    removes it. A number another account uses answers 409 ``phone_unavailable``.
    """
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationFailed(
            "These fields cannot be changed here.",
            errors=[
                {"code": "read_only", "detail": "Not editable.", "attr": name}
                for name in sorted(unknown)
            ],
        )
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        for name, value in data.items():
            if name == "phone":
                value = _phone_or_none(value)
            setattr(user, name, value.strip() if isinstance(value, str) else value)
        try:
            user.full_clean(exclude=["password", "phone"])
        except DjangoValidationError as exc:
            raise validation_failed(exc) from exc
        if user.phone and User.objects.filter(phone=user.phone).exclude(pk=user.pk):
            raise _phone_unavailable()
        try:
            with transaction.atomic():
                user.save(update_fields=list(data))
        except IntegrityError as exc:  # a concurrent update took the number
            raise _phone_unavailable() from exc
    return user


def _phone_or_none(value: Any) -> str | None:
    if value in (None, ""):
        return None
    try:
        return phone_normalize(str(value))
    except DjangoValidationError as exc:
        raise ValidationFailed(
            exc.messages[0],
            errors=[
                {"code": "invalid_phone", "detail": exc.messages[0], "attr": "phone"}
            ],
        ) from exc


def _phone_unavailable() -> Conflict:
    return Conflict(
        "This mobile number cannot be used for your account.",
        code="phone_unavailable",
        errors=[
            {
                "code": "phone_unavailable",
                "detail": "This mobile number cannot be used for your account.",
                "attr": "phone",
            }
        ],
    )
