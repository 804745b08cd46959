"""Refuse requests the API cannot handle before any view reads them: oversize
bodies (413) and NUL characters (400).

Django enforces ``DATA_UPLOAD_MAX_MEMORY_SIZE`` only when ``request.body`` or
``request.POST`` is read, but DRF's JSON parser reads the request stream directly,
so a JSON body of any size would be parsed. This middleware answers 413 problem
details from the ``Content-Length`` alone. Multipart bodies (file uploads) get the
larger ``API_UPLOAD_MAX_BYTES`` (the largest file an endpoint takes plus room for
the form), so an upload far beyond any limit is refused before Django spools it to
disk; each upload endpoint still checks its own file limit and type.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote_plus

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .errors import problem_response
from .parsers import JSON_MAX_DEPTH, json_depth


class RequestSizeLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            limit = self._limit(request)
            if limit is not None and self._length(request) > limit:
                return problem_response(
                    413, "too_large", f"The request body exceeds {limit} bytes."
                )
        return self.get_response(request)

    @staticmethod
    def _limit(request: HttpRequest) -> int | None:
        if request.content_type == "multipart/form-data":
            return settings.API_UPLOAD_MAX_BYTES
        return settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    @staticmethod
    def _length(request: HttpRequest) -> int:
        try:
            return int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return 0


HEADERS = {"CONTENT_TYPE", "CONTENT_LENGTH"}


class NullCharacterMiddleware:
    """Refuse a NUL character in the path, query string or a header under ``/api/``
    with a 400 problem: PostgreSQL text cannot hold one, so a slug or filter with
    ``%00`` would otherwise fail deep inside a query as a 500. (Bodies are
    covered by DRF's fields, which reject NUL characters themselves.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/") and self._has_nul(request):
            return problem_response(
                400, "null_character", "Null characters are not allowed."
            )
        return self.get_response(request)

    @staticmethod
    def _has_nul(request: HttpRequest) -> bool:
        if "\x00" in request.path:
            return True
        if "\x00" in unquote_plus(request.META.get("QUERY_STRING", "")):
            return True
        return any(
            "\x00" in value
            for key, value in request.META.items()
            if isinstance(value, str) and (key.startswith("HTTP_") or key in HEADERS)
        )


class JsonDepthMiddleware:
    """A JSON body under ``/api/`` nested beyond ``JSON_MAX_DEPTH`` is a 400
    problem, for views that decode JSON themselves (allauth's headless API) as
    for DRF's (whose parser checks the same)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.path.startswith("/api/")
            and request.content_type == "application/json"
            and json_depth(request.body) > JSON_MAX_DEPTH
        ):
            return problem_response(
                400, "too_deep", f"JSON may nest at most {JSON_MAX_DEPTH} levels deep."
            )
        return self.get_response(request)
