"""Refuse oversize request bodies under ``/api/`` before anything reads them.

Django enforces ``DATA_UPLOAD_MAX_MEMORY_SIZE`` only when ``request.body`` or
``request.POST`` is read, but DRF's JSON parser reads the request stream directly,
so a JSON body of any size would be parsed. This middleware answers 413 problem
details from the ``Content-Length`` alone. Multipart bodies (file uploads) are left
to the upload endpoints, which know their own file limits; their non-file fields are
still limited by Django.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .errors import problem_response


class RequestSizeLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/") and self._too_large(request):
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
            return problem_response(
                413, "too_large", f"The request body exceeds {limit} bytes."
            )
        return self.get_response(request)

    @staticmethod
    def _too_large(request: HttpRequest) -> bool:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is None:
            return False
        if request.content_type == "multipart/form-data":
            return False
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return False
        return length > limit
