"""Site-wide response headers Django's ``SecurityMiddleware`` does not set.

``SecurityMiddleware`` already sends ``X-Content-Type-Options``, ``Referrer-Policy``
and (in production) HSTS. This adds ``Permissions-Policy`` to every response and a
``Content-Security-Policy`` chosen by path prefix from
``settings.CONTENT_SECURITY_POLICIES`` (first matching prefix wins), so the admin,
the API docs and the JSON API each get the tightest policy that does not break them.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.permissions_policy: str = settings.PERMISSIONS_POLICY
        self.policies: list[tuple[str, str]] = list(settings.CONTENT_SECURITY_POLICIES)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        for prefix, policy in self.policies:
            if request.path.startswith(prefix):
                response.headers.setdefault("Content-Security-Policy", policy)
                break
        return response
