"""Proof that an endpoint is rate limited: the N+1th attempt in the window is a
429 problem with the right ``Retry-After``.

``assert_rate_limited(send, limit=N, window=seconds)`` calls ``send(attempt)``
N times (none may be refused), then once more: that answer must be 429
``application/problem+json`` with ``Retry-After`` close to the window, since all
the attempts were made just now. Each rate-limited endpoint (login, sign-up,
password reset, consultation, subscription) gets one test that calls this with the
limit read from its own settings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Retry-After is whole seconds and the attempts take a moment to make.
RETRY_AFTER_SLACK = 5


def assert_rate_limited(send: Callable[[int], Any], *, limit: int, window: int) -> Any:
    for attempt in range(limit):
        response = send(attempt)
        assert response.status_code != 429, (
            f"attempt {attempt + 1} of {limit} was already refused"
        )
    refused = send(limit)
    assert refused.status_code == 429, (
        f"attempt {limit + 1} answered {refused.status_code}, not 429"
    )
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["status"] == 429
    assert "Retry-After" in refused, "a 429 must say when to retry"
    retry_after = int(refused["Retry-After"])
    assert window - RETRY_AFTER_SLACK <= retry_after <= window, (
        f"Retry-After {retry_after}s does not match a {window}s window"
    )
    return refused
