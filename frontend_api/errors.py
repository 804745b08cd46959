"""One error format everywhere: RFC 7807 problem details.

Every error the API returns is ``application/problem+json``::

    {"type": "urn:lubpur:problem:invalid", "title": "Invalid input", "status": 400,
     "detail": "…", "code": "invalid",
     "errors": [{"code": "required", "detail": "This field is required.",
                 "attr": "title"}]}

DRF's exceptions, Django's ``Http404``/``PermissionDenied``/``ValidationError`` and
our domain errors (``core.errors.ApplicationError``) all pass through
``problem_exception_handler``: a service may let ``full_clean()``'s
``ValidationError`` propagate and the client gets a 400 problem, never a 500.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import (
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import csrf, defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from core.errors import ApplicationError

PROBLEM_CONTENT_TYPE = "application/problem+json"
StrOrPromise = str | Promise  # gettext_lazy texts are rendered as str below

TITLES = {
    400: _("Invalid input"),
    401: _("Authentication required"),
    403: _("Forbidden"),
    404: _("Not found"),
    405: _("Method not allowed"),
    406: _("Not acceptable"),
    409: _("Conflict"),
    413: _("Payload too large"),
    415: _("Unsupported media type"),
    422: _("Unprocessable request"),
    429: _("Too many requests"),
    500: _("Server error"),
}


def problem(
    status_code: int,
    *,
    code: str,
    detail: StrOrPromise,
    errors: list[dict[str, Any]] | None = None,
    title: StrOrPromise | None = None,
    **extra: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": f"urn:lubpur:problem:{code}",
        "title": str(title or TITLES.get(status_code) or gettext("Error")),
        "status": status_code,
        "detail": str(detail),
        "code": code,
        "errors": errors or [],
    }
    body.update(extra)
    return body


def _flatten(detail: Any, attr: str | None = None) -> list[dict[str, Any]]:
    """Turn DRF's nested error detail into a flat ``[{code, detail, attr}]`` list."""
    if isinstance(detail, dict):
        out: list[dict[str, Any]] = []
        for key, value in detail.items():
            name = None if key == "non_field_errors" else str(key)
            out += _flatten(value, f"{attr}.{name}" if attr and name else attr or name)
        return out
    if isinstance(detail, list):
        out = []
        for index, value in enumerate(detail):
            nested = isinstance(value, dict | list)
            out += _flatten(value, f"{attr}.{index}" if nested and attr else attr)
        return out
    code = getattr(detail, "code", None) or "invalid"
    return [{"code": code, "detail": str(detail), "attr": attr}]


def django_validation_errors(exc: DjangoValidationError) -> list[dict[str, Any]]:
    """Django's ``ValidationError`` (one message, a list, or ``message_dict``) as
    the flat ``[{code, detail, attr}]`` list; ``__all__`` errors have no attr."""
    fields: Iterable[tuple[str | None, list[DjangoValidationError]]]
    if hasattr(exc, "error_dict"):
        fields = exc.error_dict.items()
    else:
        fields = [(None, exc.error_list)]
    return [
        {
            "code": error.code or "invalid",
            "detail": " ".join(error.messages),
            "attr": None if attr in (None, "__all__") else attr,
        }
        for attr, errors in fields
        for error in errors
    ]


def _invalid(errors: list[dict[str, Any]]) -> str:
    return errors[0]["detail"] if len(errors) == 1 else gettext("The input is invalid.")


class _PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is too large.")
    default_code = "too_large"


def problem_exception_handler(exc: Exception, context: dict) -> Response | None:
    if isinstance(exc, RequestDataTooBig):
        exc = _PayloadTooLarge()
    elif isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        exc = exceptions.ValidationError(str(exc), code="too_many_fields")
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()

    if isinstance(exc, DjangoValidationError):
        set_rollback()
        errors = django_validation_errors(exc)
        body = problem(400, code="invalid", detail=_invalid(errors), errors=errors)
        return Response(body, status=400, content_type=PROBLEM_CONTENT_TYPE)

    if isinstance(exc, ApplicationError):
        set_rollback()
        body = problem(
            exc.status,
            code=exc.code,
            detail=exc.detail,
            errors=exc.errors,
            title=exc.title,
            **exc.extra,
        )
        retry = exc.extra.get("retry_after")
        return Response(
            body,
            status=exc.status,
            headers={"Retry-After": str(int(retry))} if retry else None,
            content_type=PROBLEM_CONTENT_TYPE,
        )

    if not isinstance(exc, exceptions.APIException):
        return None  # a real bug: let Django report it as a 500

    set_rollback()
    headers = {}
    if auth_header := getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = auth_header
    if wait := getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(wait))

    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        detail = _invalid(errors)
        code = "invalid"
    else:
        errors = []
        detail = str(exc.detail)
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else exc.default_code
    body = problem(exc.status_code, code=code, detail=detail, errors=errors)
    return Response(
        body,
        status=exc.status_code,
        headers=headers,
        content_type=PROBLEM_CONTENT_TYPE,
    )


def problem_response(status_code: int, code: str, detail: StrOrPromise) -> JsonResponse:
    """A problem response outside DRF (Django's 404/500 handlers under /api/)."""
    return JsonResponse(
        problem(status_code, code=code, detail=detail),
        status=status_code,
        content_type=PROBLEM_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


def not_found(request, exception=None):
    """``handler404``: problem details under /api/, Django's page elsewhere."""
    if request.path.startswith("/api/"):
        return problem_response(
            status.HTTP_404_NOT_FOUND, "not_found", gettext("Not found.")
        )
    return defaults.page_not_found(request, exception)


def bad_request(request, exception=None):
    """``handler400``: problem details under /api/ (a body too large to read is a
    413 there), Django's page elsewhere."""
    if request.path.startswith("/api/"):
        if isinstance(exception, RequestDataTooBig):
            return problem_response(
                413, "too_large", gettext("The request body is too large.")
            )
        return problem_response(
            400, "bad_request", gettext("The request is malformed.")
        )
    return defaults.bad_request(request, exception)


def server_error(request):
    """``handler500``: problem details under /api/, Django's page elsewhere."""
    if request.path.startswith("/api/"):
        return problem_response(
            500, "server_error", gettext("Something went wrong on our side.")
        )
    return defaults.server_error(request)


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: a 403 problem (``code: csrf_failed``) under /api/ (a
    browser client sent no or a stale CSRF token), Django's page elsewhere."""
    if request.path.startswith("/api/"):
        return problem_response(
            status.HTTP_403_FORBIDDEN,
            "csrf_failed",
            "CSRF verification failed: send the csrftoken cookie's value in the "
            "X-CSRFToken header.",
        )
    return csrf.csrf_failure(request, reason)
