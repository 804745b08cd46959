"""When allauth will let a refused account action through again (``Retry-After``).

allauth's rate limits (``ACCOUNT_RATE_LIMITS``: per action, per IP, key or user)
keep the times of recent attempts in the cache; its headless API refuses with a
bare 429 (and a failed-login lockout with a 400) that says nothing about when to
retry. ``retry_after`` reads the same history to answer that. allauth has no public
reader for it, so this uses its rate parser and cache keys
(``allauth.core.internal.ratelimit``); ``tests/frontend_api/test_auth_rate_limits``
fails if they change.
"""

from __future__ import annotations

import math
import time

from allauth.core.internal import ratelimit as allauth_ratelimit
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

APP = "allauth.account"


def action_window(action: str) -> int:
    """The longest window (seconds) of ``action``'s configured rates; 0 for none."""
    rates = allauth_ratelimit.get_rates(app=APP, action=action)
    return max((math.ceil(rate.duration) for rate in rates), default=0)


def consume(request: HttpRequest, *, action: str) -> bool:
    """Count an attempt at one of our own ``ACCOUNT_RATE_LIMITS`` actions (GET
    requests too, unlike ``allauth.core.ratelimit.consume``); False when refused."""
    usage = allauth_ratelimit.consume(request, app=APP, action=action, limit_get=True)
    return usage is not None


def retry_after(
    request: HttpRequest, *, action: str, key: str | None = None, user=None
) -> int | None:
    """Seconds until ``action`` is allowed again for this request (its IP, ``key``
    and user); ``None`` when none of its rates is used up."""
    now = time.time()
    waits = []
    for rate in allauth_ratelimit.get_rates(app=APP, action=action):
        if rate.per == "key" and key is None:
            continue
        try:
            cache_key = allauth_ratelimit.get_cache_key(
                request, app=APP, action=action, rate=rate, key=key, user=user
            )
        except ImproperlyConfigured:  # a per-user rate, no user at hand
            continue
        window = sorted(t for t in cache.get(cache_key, []) if t > now - rate.duration)
        if len(window) >= rate.amount:
            # One attempt frees up when the oldest attempts beyond the limit expire.
            waits.append(window[len(window) - rate.amount] + rate.duration - now)
    if not waits:
        return None
    return max(1, math.ceil(max(waits)))


# Our action for every password check outside allauth's own views (cancellation):
# rates in ACCOUNT_RATE_LIMITS, per account and per address like change_password.
PASSWORD_CHECK = "password_check"  # noqa: S105 (an action name)


def password_check_wait(request: HttpRequest | None, *, user) -> int | None:
    """Seconds before ``user`` may have a password checked again from this
    request's address; ``None`` when allowed (or there is no request)."""
    if request is None:
        return None
    return retry_after(request, action=PASSWORD_CHECK, user=user)


def password_check_failed(request: HttpRequest | None, *, user) -> None:
    """Count one wrong password against the account and the address."""
    if request is not None:
        allauth_ratelimit.consume(
            request, app=APP, action=PASSWORD_CHECK, user=user, limit_get=True
        )
