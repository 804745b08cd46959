"""The locale a request asks for: ``?locale=``, ``Accept-Language``, or the source
language (``core.i18n.source_language()``)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import get_supported_language_variant, gettext
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from wagtail.models import Locale

from core.i18n import content_languages, source_language

LOCALE_CODES = content_languages()
# Any Chinese tag (zh, zh-CN, zh-Hant …) reads our Chinese locale, if we serve one.
CHINESE = next((code for code in LOCALE_CODES if code.startswith("zh")), None)


def requested_language(request: Request | HttpRequest) -> str:
    """The language code the client asked for; 400 for one we do not serve."""
    query = request.query_params if isinstance(request, Request) else request.GET
    code = query.get("locale")
    if code is not None:
        code = code.strip().lower()
        if code not in LOCALE_CODES:
            raise ValidationError(
                {
                    "locale": [
                        gettext("Unknown locale; use one of {codes}.").format(
                            codes=", ".join(LOCALE_CODES)
                        )
                    ]
                },
                code="invalid_locale",
            )
        return code
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for part in header.split(","):
        tag = part.split(";")[0].strip().lower()
        if not tag or tag == "*":
            continue
        if CHINESE and tag.startswith("zh"):
            return CHINESE
        try:
            variant = get_supported_language_variant(tag)
        except LookupError:
            continue
        if variant in LOCALE_CODES:
            return variant
    return source_language()


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


class RequestedLanguageMiddleware:
    """Under ``/api/``, a valid ``?locale=`` is the language of the whole answer
    (after ``LocaleMiddleware``, which reads ``Accept-Language``): problem titles
    and details, and ``Content-Language``, not only the content."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        code = request.GET.get("locale", "").strip().lower()
        if request.path.startswith("/api/") and code in LOCALE_CODES:
            translation.activate(code)
            request.LANGUAGE_CODE = code
        return self.get_response(request)
