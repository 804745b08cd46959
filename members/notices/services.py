"""Sending notices and reading them (``notice_send``, ``notice_mark_read``)."""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from core.errors import NotFound, ValidationFailed
from members.accounts.models import Member, User
from members.mail import mail_language, mail_queue

from . import channels
from .models import Notice, NoticeDelivery, NoticeKind

logger = logging.getLogger(__name__)
CONTENT_FIELDS = ("title", "situation", "impact", "measures", "advice", "remedies")


def notice_recipients(*, kind: str, emails: list[str] | None = None) -> QuerySet:
    """Who gets a notice: every active member for a service termination; for a
    security incident the affected members, named by e-mail address."""
    members = Member.objects.filter(is_active=True)
    if kind == NoticeKind.SERVICE_TERMINATION:
        return members
    wanted = {e.strip().lower() for e in emails or [] if e.strip()}
    if not wanted:
        raise ValidationFailed(
            "Name the affected members.",
            code="recipients_required",
            errors=[
                {
                    "code": "recipients_required",
                    "detail": "Give at least one member's e-mail address.",
                    "attr": "recipients",
                }
            ],
        )
    return members.filter(email__in=wanted)


def notice_send(
    *,
    kind: str,
    content: dict[str, Any],
    recipients: QuerySet[User],
    sent_by: User | None,
) -> Notice:
    """Record the notice and a delivery per recipient (the log), e-mail each in
    their language after commit and text them where SMS is configured. The in-app
    notice is the delivery row itself (``/api/v1/me/notices/``)."""
    with transaction.atomic():
        notice = Notice(
            kind=kind,
            sent_by=sent_by,
            **{name: (content.get(name) or "").strip() for name in CONTENT_FIELDS},
        )
        notice.full_clean(exclude=["channels", "sent_by"])
        notice.save()
        people = list(recipients.order_by("pk"))
        sms_on = channels.sms_configured()
        sms_outcomes: Counter[str] = Counter()
        deliveries = []
        for person in people:
            language = mail_language(person.preferred_language)
            mail_queue(
                to=person.email,
                template=f"notices/{language}/notice",
                context={"notice": notice, "user": person},
                language=language,
            )
            sms = (
                channels.sms_notify(user=person, title=notice.title)
                if sms_on
                else channels.SMS_NOT_CONFIGURED
            )
            sms_outcomes[sms] += 1
            deliveries.append(
                NoticeDelivery(notice=notice, user=person, emailed=True, sms=sms)
            )
        NoticeDelivery.objects.bulk_create(deliveries)
        notice.recipient_count = len(people)
        notice.channels = {
            "in_app": len(people),
            "email": len(people),
            "sms": dict(sms_outcomes) if sms_on else channels.SMS_NOT_CONFIGURED,
        }
        notice.save(update_fields=["recipient_count", "channels"])
    logger.info(
        "Notice %s (%s) sent to %s members by %s",
        notice.pk,
        kind,
        len(people),
        getattr(sent_by, "pk", None),
    )
    return notice


def notice_mark_read(*, user: User, pk: int) -> NoticeDelivery:
    delivery = (
        NoticeDelivery.objects.select_related("notice")
        # notice__id, not notice_id: Django answers an id beyond the database's
        # integers with no rows on the related key, where notice_id overflows.
        .filter(user=user, notice__id=pk)
        .first()
    )
    if delivery is None:
        raise NotFound("No such notice.")
    if delivery.read_at is None:
        delivery.read_at = timezone.now()
        delivery.save(update_fields=["read_at"])
    return delivery


def notices_of(*, user: User) -> QuerySet[NoticeDelivery]:
    return NoticeDelivery.objects.filter(user=user).select_related("notice")
