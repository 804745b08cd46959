"""Typed errors that services raise and the API maps to RFC 7807 problem details.

Domain apps raise these (never DRF exceptions), so the same operation can be called
from the admin, a management command or the API. ``frontend_api.errors`` turns
them into ``application/problem+json`` responses.
"""

from __future__ import annotations

from typing import Any


class ApplicationError(Exception):
    """Base class: ``code`` is machine-readable, ``status`` the HTTP status."""

    status = 400
    code = "invalid"
    title = "Bad request"

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
    title = "Invalid input"


class NotAuthenticated(ApplicationError):
    status = 401
    code = "not_authenticated"
    title = "Authentication required"


class PermissionDenied(ApplicationError):
    status = 403
    code = "permission_denied"
    title = "Forbidden"


class NotFound(ApplicationError):
    status = 404
    code = "not_found"
    title = "Not found"


class Conflict(ApplicationError):
    status = 409
    code = "conflict"
    title = "Conflict"


class PayloadTooLarge(ApplicationError):
    status = 413
    code = "too_large"
    title = "Payload too large"


class UnsupportedMediaType(ApplicationError):
    status = 415
    code = "unsupported_media_type"
    title = "Unsupported media type"
