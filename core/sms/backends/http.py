"""What the provider backends share: an ``httpx`` client and transport errors."""

from __future__ import annotations

from typing import Any

import httpx

from ..exceptions import SmsUnavailable
from .base import BaseSmsBackend, setting


class HttpSmsBackend(BaseSmsBackend):
    """Keeps one ``httpx.Client`` between ``open()`` and ``close()`` (or per call)."""

    def __init__(self, *args: Any, timeout: float | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.timeout = timeout or float(setting("SMS_TIMEOUT", 10))
        self._client: httpx.Client | None = None

    def open(self) -> None:
        if self._client is None:
            self._client = httpx.Client(timeout=self.timeout)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        client = self._client or httpx.Client(timeout=self.timeout)
        try:
            return client.post(url, **kwargs)
        except httpx.HTTPError as exc:
            # The exception text holds no URL or key: only its type.
            raise SmsUnavailable(
                f"{self.name} SMS service unreachable ({type(exc).__name__}).",
                provider=self.name,
                code="transport",
            ) from exc
        finally:
            if client is not self._client:
                client.close()

    def json_or_unavailable(self, response: httpx.Response) -> dict[str, Any]:
        try:
            data = response.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise SmsUnavailable(
                f"{self.name} SMS service answered HTTP {response.status_code} "
                "without JSON.",
                provider=self.name,
                code=f"http_{response.status_code}",
            )
        return data
