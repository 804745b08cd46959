"""Mobile phone numbers: parsed with ``phonenumbers`` and stored in E.164.

A number without a country code is read as a mainland China number (``+86``);
international numbers are written with their ``+country code``.
"""

from __future__ import annotations

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_REGION = "CN"
INVALID = _("Enter a valid mobile number, e.g. 13812345678 or +44 7911 123456.")


def phone_normalize(value: str) -> str:
    """The E.164 form of ``value`` (``+8613812345678``); ``ValidationError`` when it
    is not a valid, dialable number."""
    raw = (value or "").strip()
    try:
        number = phonenumbers.parse(raw, DEFAULT_REGION)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(INVALID, code="invalid_phone") from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(INVALID, code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def validate_e164(value: str) -> None:
    """Model validator: the stored value must already be the normalised E.164 form."""
    if value and phone_normalize(value) != value:
        raise ValidationError(
            _("Store phone numbers in E.164 form, e.g. +8613812345678."),
            code="invalid_phone",
        )
