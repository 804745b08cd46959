"""The channels a notice goes out on besides the app: e-mail and SMS.

SMS is sent through ``core.sms.send_sms`` when that module exists and an SMS
gateway is configured (``SMS_BACKEND``); until then the channel is a no-op that
reports ``not_configured``, so the notice log says honestly that no SMS went out.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging

from django.conf import settings

logger = logging.getLogger(__name__)

SMS_SENT = "sent"
SMS_FAILED = "failed"
SMS_NO_PHONE = "no_phone"
SMS_NOT_CONFIGURED = "not_configured"


def sms_configured() -> bool:
    return bool(getattr(settings, "SMS_BACKEND", "")) and (
        importlib.util.find_spec("core.sms") is not None
    )


def sms_notify(*, phone: str | None, text: str) -> str:
    """Send ``text`` to ``phone``; the outcome as one of the ``SMS_*`` words."""
    if not sms_configured():
        return SMS_NOT_CONFIGURED
    if not phone:
        return SMS_NO_PHONE
    sms = importlib.import_module("core.sms")
    try:
        sms.send_sms(to=phone, text=text)
    except Exception:
        logger.exception("Could not send a notice SMS")
        return SMS_FAILED
    return SMS_SENT
