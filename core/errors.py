"""Typed errors that services raise and the API maps to RFC 7807 problem details.

Domain apps raise these (never DRF exceptions), so the same operation can be called
from the admin, a management command or the API. ``frontend_api.errors`` turns
them into ``application/problem+json`` responses.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class ApplicationError(Exception):
    """Base class: ``code`` is machine-readable, ``status`` the HTTP status."""

    status = 400
    code = "invalid"
    title = _("Bad request")

    def __init__(
        self,
        detail: str = "",
        *,
        code: str | None = None,
        errors: list[dict[str, Any]] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        if code:
            self.code = code
        self.errors = errors or []
        self.extra = extra or {}


class ValidationFailed(ApplicationError):
    status = 400
    code = "invalid"
    title = _("Invalid input")


class NotAuthenticated(ApplicationError):
    status = 401
    code = "not_authenticated"
    title = _("Authentication required")


class PermissionDenied(ApplicationError):
    status = 403
    code = "permission_denied"
    title = _("Forbidden")


class NotFound(ApplicationError):
    status = 404
    code = "not_found"
    title = _("Not found")


class NotTranslated(NotFound):
    """The item exists, but not in the requested locale: a 404 with
    ``code: not_translated``, the ``requested_locale``, the ``available_locales``
    and ``translations`` (``{locale, id, slug, url}`` of each version that exists).
    Nothing is silently substituted; content and policies raise this one class."""

    code = "not_translated"

    def __init__(
        self,
        noun: str,
        *,
        requested_locale: str,
        available_locales: list[str],
        translations: list[dict[str, Any]],
    ) -> None:
        super().__init__(
            gettext(
                "This {noun} is not available in {locale}; see available_locales."
            ).format(noun=noun, locale=requested_locale),
            extra={
                "requested_locale": requested_locale,
                "available_locales": available_locales,
                "translations": translations,
            },
        )


class Conflict(ApplicationError):
    status = 409
    code = "conflict"
    title = _("Conflict")


class Unprocessable(ApplicationError):
    """Well-formed, but cannot be done as asked (e.g. an ``Idempotency-Key``
    reused with a different body)."""

    status = 422
    code = "unprocessable"
    title = _("Unprocessable request")


class PayloadTooLarge(ApplicationError):
    status = 413
    code = "too_large"
    title = _("Payload too large")


class UnsupportedMediaType(ApplicationError):
    status = 415
    code = "unsupported_media_type"
    title = _("Unsupported media type")


class TooManyRequests(ApplicationError):
    """A rate limit is used up: 429 with ``retry_after`` (seconds), which the API
    also sends as the ``Retry-After`` header."""

    status = 429
    code = "throttled"
    title = _("Too many requests")

    def __init__(self, detail: str = "", *, retry_after: int) -> None:
        super().__init__(detail, extra={"retry_after": retry_after})
