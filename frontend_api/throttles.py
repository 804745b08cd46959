"""Throttles: every write endpoint is rate-limited per user (or IP when anonymous)."""

from __future__ import annotations

from typing import cast

from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class WriteRateThrottle(ScopedRateThrottle):
    """``ScopedRateThrottle`` on unsafe methods only; the view's ``throttle_scope``
    defaults to ``"write"`` (``DEFAULT_THROTTLE_RATES``)."""

    def allow_request(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        if not getattr(view, "throttle_scope", None):
            view.throttle_scope = "write"
        return super().allow_request(request, view)

    def get_rate(self) -> str | None:
        # Read the settings now rather than at import, so a changed rate applies.
        # Cast: the stubs type the rates as numbers; DRF's are strings ("30/min").
        rates = cast(dict[str, str | None], api_settings.DEFAULT_THROTTLE_RATES)
        return rates.get(self.scope) if self.scope is not None else None
