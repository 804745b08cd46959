"""What can go wrong when a text message is sent, as types callers can tell apart.

Every provider backend turns its own error codes (Alibaba Cloud's ``isv.*``,
Tencent Cloud's ``LimitExceeded.*`` …) into one of these, keeping the provider's
code and request id for the logs. ``retryable`` says whether sending the same
message again later may succeed (the task queue retries those; the others need a
person: a wrong key, an unapproved template, a number that cannot receive SMS).
"""

from __future__ import annotations


class SmsError(Exception):
    """Base class; ``code`` is the provider's error code, ``provider`` its name."""

    retryable = False

    def __init__(
        self,
        message: str,
        *,
        provider: str = "",
        code: str = "",
        request_id: str = "",
    ) -> None:
        super().__init__(message)
        self.provider = provider
        self.code = code
        self.request_id = request_id


class SmsImproperlyConfigured(SmsError):
    """Our settings are incomplete: no key, no template for a purpose, no sign name."""


class SmsAuthenticationFailed(SmsError):
    """The provider refused our credentials or signature (wrong key, clock skew)."""


class SmsRejected(SmsError):
    """The provider refused the message itself: template or sign name not approved,
    parameters that do not fit the template, balance exhausted."""


class SmsInvalidRecipient(SmsError):
    """The number is malformed or cannot receive text messages."""


class SmsRateLimited(SmsError):
    """The provider throttled us or the number (per-number minute/hour/day caps)."""

    retryable = True

    def __init__(self, message: str, *, retry_after: int | None = None, **kw) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after


class SmsUnavailable(SmsError):
    """The provider could not be reached or failed on its side (timeouts, 5xx)."""

    retryable = True
