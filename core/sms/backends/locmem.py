"""Tests: keep each message in ``core.sms.outbox`` (like ``django.core.mail.outbox``).

The body is rendered at send time, so a test sees the text in the language the
message was sent in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import BaseSmsBackend

if TYPE_CHECKING:
    from ..message import SmsMessage


class SmsBackend(BaseSmsBackend):
    name = "locmem"

    def send_message(self, message: SmsMessage) -> None:
        from core import sms

        message.rendered_body = message.body  # type: ignore[attr-defined]
        sms.outbox.append(message)
