"""Notices in the personal data registry: a member's deliveries are exported; on
cancellation they are detached, not deleted — the log that a notice reached its
recipients is kept. A staff member's sent notices keep their content without the
sender. Imported by ``MembersConfig.ready``."""

from core import privacy

from .models import Notice, NoticeDelivery

privacy.register(
    NoticeDelivery,
    exporter=privacy.rows("notice_id", "emailed", "sms", "read_at"),
    eraser=privacy.detach(),
)
privacy.register(
    Notice,
    exporter=privacy.rows("kind", "title", "sent_at"),
    eraser=privacy.detach(),
)
