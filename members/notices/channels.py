"""The channels a notice goes out on besides the app: e-mail and SMS.

SMS goes out where a gateway is configured (``SMS_BACKEND`` other than the
development ``console``): one message per member with a verified phone, queued
like verification codes (``members.accounts.identities.sms_queue``: the task gets
a row id, never the number). Providers in mainland China send only approved
templates, so the text is the ``notice`` template: the notice's title and where
to read it in full; the wording is approved at the provider.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core import sms
from members.accounts.identities import sms_queue
from members.accounts.models import User

SMS_QUEUED = "queued"
SMS_NO_PHONE = "no_phone"
SMS_NOT_CONFIGURED = "not_configured"

sms.register_text(
    "notice",
    _(
        "Lubpur notice: %(title)s. Please read it in full in your account's "
        "notices or your e-mail."
    ),
)


def sms_configured() -> bool:
    return settings.SMS_BACKEND not in ("", "console")


def sms_notify(*, user: User, title: str) -> str:
    """Queue the notice's SMS to ``user``; the outcome as one of the ``SMS_*`` words."""
    if not sms_configured():
        return SMS_NOT_CONFIGURED
    if not user.phone or not user.phone_verified:
        return SMS_NO_PHONE
    sms_queue(user=user, phone=user.phone, purpose="notice", params={"title": title})
    return SMS_QUEUED
