"""Who sent a request, as consent and subscription records keep it."""

from __future__ import annotations

from django.http import HttpRequest


def client_details(request: HttpRequest) -> dict[str, str]:
    """The ``user_agent`` and ``ip_address`` keyword arguments of the services
    that record consents (the services truncate the address)."""
    # REMOTE_ADDR: the deployment's proxy sets it from X-Forwarded-For.
    return {
        "user_agent": request.META.get("HTTP_USER_AGENT", ""),
        "ip_address": request.META.get("REMOTE_ADDR", ""),
    }
