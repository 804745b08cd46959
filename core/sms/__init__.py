"""Text messages (SMS), the way ``django.core.mail`` does e-mail.

``send_sms(to, text)`` or ``send_sms(to, template="verification_code",
params={...})`` hands the message to the backend named by ``SMS_BACKEND``: a dotted
path or one of the short names in ``BACKENDS``. ``console`` prints (development),
``locmem`` keeps an ``outbox`` (tests), ``file`` writes one file per message under
``SMS_FILE_PATH``, ``aliyun`` and ``tencent`` call Alibaba Cloud's and Tencent
Cloud's signed ``SendSms`` APIs. This package is a base layer: it imports no
project app. Errors are the types in ``core.sms.exceptions``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string

from .backends.base import BaseSmsBackend
from .exceptions import (
    SmsAuthenticationFailed,
    SmsError,
    SmsImproperlyConfigured,
    SmsInvalidRecipient,
    SmsRateLimited,
    SmsRejected,
    SmsUnavailable,
)
from .message import SmsMessage, register_text

__all__ = [
    "BACKENDS",
    "BaseSmsBackend",
    "SmsAuthenticationFailed",
    "SmsError",
    "SmsImproperlyConfigured",
    "SmsInvalidRecipient",
    "SmsMessage",
    "SmsRateLimited",
    "SmsRejected",
    "SmsUnavailable",
    "get_connection",
    "register_text",
    "send_sms",
]

BACKENDS = {
    "console": "core.sms.backends.console.SmsBackend",
    "locmem": "core.sms.backends.locmem.SmsBackend",
    "file": "core.sms.backends.filebased.SmsBackend",
    "aliyun": "core.sms.backends.aliyun.SmsBackend",
    "tencent": "core.sms.backends.tencent.SmsBackend",
}

#: The locmem backend appends here (like ``django.core.mail.outbox``).
outbox: list[SmsMessage] = []


def get_connection(
    backend: str | None = None, fail_silently: bool = False, **kwargs: Any
) -> BaseSmsBackend:
    """An instance of the backend ``backend`` (default: ``SMS_BACKEND``)."""
    name: str = backend or getattr(settings, "SMS_BACKEND", None) or "console"
    klass = import_string(BACKENDS.get(name, name))
    return klass(fail_silently=fail_silently, **kwargs)


def send_sms(
    to: str | Iterable[str],
    text: str | None = None,
    *,
    template: str | None = None,
    params: Mapping[str, Any] | None = None,
    language: str | None = None,
    fail_silently: bool = False,
    connection: BaseSmsBackend | None = None,
) -> int:
    """Send one message; the number of messages sent (0 or 1)."""
    message = SmsMessage(
        to,
        text,
        template=template,
        params=params,
        language=language,
        connection=connection,
    )
    return message.send(fail_silently=fail_silently)
