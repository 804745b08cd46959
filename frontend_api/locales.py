"""The locale a request asks for: ``?locale=``, ``Accept-Language``, or zh-hans."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_supported_language_variant
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from wagtail.models import Locale

LOCALE_CODES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
DEFAULT_LOCALE = settings.LANGUAGE_CODE


def requested_language(request: Request) -> str:
    """The language code the client asked for; 400 for one we do not serve."""
    code = request.query_params.get("locale")
    if code is not None:
        code = code.strip().lower()
        if code not in LOCALE_CODES:
            raise ValidationError(
                {"locale": [f"Unknown locale; use one of {', '.join(LOCALE_CODES)}."]},
                code="invalid_locale",
            )
        return code
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for part in header.split(","):
        tag = part.split(";")[0].strip().lower()
        if not tag or tag == "*":
            continue
        if tag.startswith("zh"):
            return "zh-hans"
        try:
            variant = get_supported_language_variant(tag)
        except LookupError:
            continue
        if variant in LOCALE_CODES:
            return variant
    return DEFAULT_LOCALE


def requested_locale(request: Request) -> Locale:
    """The ``Locale`` row for the request (cached on the request object)."""
    cached = getattr(request, "_lubpur_locale", None)
    if cached is None:
        code = requested_language(request)
        cached = Locale.objects.filter(language_code=code).first()
        if cached is None:
            cached = Locale.get_default()
        request._lubpur_locale = cached  # type: ignore[attr-defined]
    return cached
