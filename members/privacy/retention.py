"""Retention: every kind of personal data is kept only as long as its purpose
needs (PIPL art. 19; the policy's "只在必要期限内保留"), then purged.

The schedule is the ``RETENTION`` setting (days per kind, ``config/settings/
base.py``; the README's retention table lists the defaults and why).
``retention_purge`` deletes (or, with ``dry_run``, only counts) what is past its
period; it is idempotent — a second run finds nothing — and each run is logged as a
``RetentionRun``. ``manage.py purge_expired`` and the daily
``members.privacy.tasks.retention_purge_task`` call it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from legal.models import ConsentRecord
from legal.models.immutable import ImmutableQuerySet
from members.activity.models import DownloadRecord, Footprint
from members.enquiries.models import (
    Consultation,
    ProcurementAttachment,
    ProcurementRequest,
    ProcurementStatus,
)
from members.subscriptions.models import Subscription, SubscriptionStatus

from .models import PrivacyRequest, RetentionRun

logger = logging.getLogger(__name__)

# Consent receipts prove what a person agreed to: kept at least three years.
CONSENT_RECEIPTS_MINIMUM_DAYS = 3 * 365
KINDS = (
    "footprints",
    "download_records",
    "unconfirmed_subscriptions",
    "unsubscribed_subscriptions",
    "visitor_consultations",
    "sessions",
    "finished_tasks",
    "privacy_requests",
    "procurement_unfinished",
    "procurement_finished",
    "consent_receipts",
    "retention_runs",
)


def retention_days() -> dict[str, int]:
    """The schedule: ``RETENTION`` (days per kind); every kind must be given."""
    schedule = dict(settings.RETENTION)
    missing = set(KINDS) - set(schedule)
    if missing:
        raise ImproperlyConfigured(f"RETENTION lacks {sorted(missing)}")
    if schedule["consent_receipts"] < CONSENT_RECEIPTS_MINIMUM_DAYS:
        raise ImproperlyConfigured("RETENTION['consent_receipts'] must be ≥ 3 years")
    return schedule


def _expired(now: dt.datetime) -> dict[str, Callable[[dt.datetime], QuerySet]]:
    """Kind → the rows past a cutoff (``now`` minus the kind's period)."""
    finished = (ProcurementStatus.QUOTED, ProcurementStatus.CLOSED)
    unfinished = (ProcurementStatus.DRAFT, ProcurementStatus.CANCELLED)
    return {
        "footprints": lambda cut: Footprint.objects.filter(last_viewed_at__lt=cut),
        "download_records": lambda cut: DownloadRecord.objects.filter(
            downloaded_at__lt=cut
        ),
        "unconfirmed_subscriptions": lambda cut: Subscription.objects.filter(
            status=SubscriptionStatus.PENDING, created_at__lt=cut
        ),
        "unsubscribed_subscriptions": lambda cut: Subscription.objects.filter(
            status=SubscriptionStatus.UNSUBSCRIBED
        ).filter(
            Q(unsubscribed_at__lt=cut) | Q(unsubscribed_at=None, created_at__lt=cut)
        ),
        "visitor_consultations": lambda cut: Consultation.objects.filter(
            user=None, updated_at__lt=cut
        ),
        # Expired sessions hold nothing anyone can use; ``cut`` is ``now`` for them.
        "sessions": lambda cut: Session.objects.filter(expire_date__lt=cut),
        "finished_tasks": lambda cut: DBTaskResult.objects.finished().filter(
            finished_at__lt=cut
        ),
        "privacy_requests": lambda cut: PrivacyRequest.objects.filter(
            status__in=PrivacyRequest.ANSWERED, answered_at__lt=cut
        ),
        "procurement_unfinished": lambda cut: ProcurementRequest.objects.filter(
            status__in=unfinished, updated_at__lt=cut
        ),
        "procurement_finished": lambda cut: ProcurementRequest.objects.filter(
            status__in=finished, updated_at__lt=cut
        ),
        # Receipts no member account holds any more (visitors', cancelled members').
        "consent_receipts": lambda cut: ConsentRecord.objects.filter(
            user=None, created_at__lt=cut
        ),
        "retention_runs": lambda cut: RetentionRun.objects.filter(started_at__lt=cut),
    }


def _delete(kind: str, rows: QuerySet) -> int:
    if kind.startswith("procurement_"):
        for attachment in ProcurementAttachment.objects.filter(request__in=rows):
            attachment.file.delete(save=False)
    if kind == "consent_receipts":
        # Consent records refuse ordinary deletes (immutable evidence); the end of
        # their retention period is the one sanctioned way they go.
        assert isinstance(rows, ImmutableQuerySet)  # noqa: S101 (ConsentRecord's)
        return rows.purge()
    deleted = rows.count()
    rows.delete()
    return deleted


def retention_purge(*, dry_run: bool = False, trigger: str = "command") -> RetentionRun:
    """Delete every row past its retention period (or count them, ``dry_run``);
    logged as a ``RetentionRun`` with the count per kind."""
    now = timezone.now()
    schedule = retention_days()
    run = RetentionRun.objects.create(started_at=now, dry_run=dry_run, trigger=trigger)
    counts: dict[str, int] = {}
    for kind, expired in _expired(now).items():
        cutoff = now - dt.timedelta(days=schedule[kind])
        rows = expired(cutoff)
        if kind == "retention_runs":
            rows = rows.exclude(pk=run.pk)
        if dry_run:
            counts[kind] = rows.count()
            continue
        with transaction.atomic():
            counts[kind] = _delete(kind, rows)
    run.counts = counts
    run.finished_at = timezone.now()
    run.save(update_fields=["counts", "finished_at"])
    logger.info(
        "Retention %s: %s", "dry run" if dry_run else "purge", counts or "nothing"
    )
    return run
