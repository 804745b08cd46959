"""Background work of the accounts domain (django-tasks; queued after commit).

``sms_send`` gets an ``OutgoingSms`` id, never a number or a code: the task queue's
table is not personal data. It sends through ``core.sms`` and then wipes the code
from the row; while it is there it also deletes records older than
``SMS_RECORD_RETENTION_DAYS``.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from core import sms

from .models import OutgoingSms

logger = logging.getLogger(__name__)


@task()
def sms_send(*, sms_id: int) -> str:
    """Send one queued text message; returns ``sent``, ``failed`` or ``gone``."""
    row = OutgoingSms.objects.filter(pk=sms_id, sent_at__isnull=True).first()
    if row is None or not row.params:
        return "gone"
    try:
        sms.send_sms(
            row.phone, template=row.purpose, params=row.params, language=row.language
        )
    except sms.SmsError as exc:
        # Codes expire within minutes: a retry would mostly come too late, and the
        # member can ask for a new code. Keep why, never the code.
        logger.warning("SMS %s not sent: %s %s", row.pk, type(exc).__name__, exc.code)
        row.error = (exc.code or type(exc).__name__)[:100]
        row.params = {}
        row.save(update_fields=["error", "params"])
        return "failed"
    row.sent_at = timezone.now()
    row.params = {}
    row.save(update_fields=["sent_at", "params"])
    outgoing_sms_purge()
    return "sent"


def outgoing_sms_purge() -> int:
    """Delete the records of text messages older than the retention period."""
    days = settings.SMS_RECORD_RETENTION_DAYS
    cutoff = timezone.now() - datetime.timedelta(days=days)
    deleted, _ = OutgoingSms.objects.filter(created_at__lt=cutoff).delete()
    return deleted
