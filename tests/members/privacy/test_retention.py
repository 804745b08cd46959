"""Retention (issue 13): ``manage.py purge_expired`` deletes each kind of data past
its period in ``RETENTION`` — and nothing younger — idempotently; ``--dry-run``
only counts; every run is logged; the daily task does the same. The clock is
frozen by patching ``django.utils.timezone.now``."""

import datetime as dt
from io import StringIO
from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from legal.models import ConsentRecord
from members.activity.models import Footprint
from members.enquiries.models import Consultation
from members.privacy.models import RetentionRun
from members.privacy.retention import retention_purge
from members.privacy.tasks import retention_purge_task
from members.subscriptions.models import Subscription, SubscriptionStatus
from tests.factories.member_data import catalogue_product
from tests.factories.members import MemberFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2027, 6, 1, 3, 0, tzinfo=dt.UTC)


def days_ago(days: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


@pytest.fixture
def frozen():
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        yield NOW


@pytest.fixture
def data(db):
    member = MemberFactory()
    product = catalogue_product("ret")
    old_print = Footprint.objects.create(
        user=member, page=product, kind="product", last_viewed_at=days_ago(181)
    )
    other = catalogue_product("ret2")
    new_print = Footprint.objects.create(
        user=member, page=other, kind="product", last_viewed_at=days_ago(179)
    )
    pending_old = Subscription.objects.create(
        email="a@example.com", status=SubscriptionStatus.PENDING
    )
    Subscription.objects.filter(pk=pending_old.pk).update(created_at=days_ago(31))
    gone = Subscription.objects.create(
        email="b@example.com",
        status=SubscriptionStatus.UNSUBSCRIBED,
        unsubscribed_at=days_ago(31),
    )
    confirmed = Subscription.objects.create(
        email="c@example.com", status=SubscriptionStatus.CONFIRMED
    )
    Subscription.objects.filter(pk=confirmed.pk).update(created_at=days_ago(900))
    visitor = Consultation.objects.create(
        name="访客", email="v@example.com", message="?"
    )
    Consultation.objects.filter(pk=visitor.pk).update(updated_at=days_ago(366))
    Session.objects.create(
        session_key="expired", session_data="", expire_date=days_ago(1)
    )
    Session.objects.create(
        session_key="alive", session_data="", expire_date=NOW + dt.timedelta(days=1)
    )
    task = DBTaskResult.objects.create(
        status="SUCCESSFUL",
        task_path="members.mail.email_send",
        args_kwargs={"args": [], "kwargs": {}},
        finished_at=days_ago(31),
        run_after=days_ago(32),
        backend_name="default",
        queue_name="default",
        exception_class_path="",
        traceback="",
    )
    receipt = ConsentRecord.objects.create(
        purpose="email_tracking",
        action="accepted",
        channel="web",
        subject_pseudonym="x" * 64,
        created_at=days_ago(6 * 365),
    )
    young_receipt = ConsentRecord.objects.create(
        purpose="email_tracking",
        action="accepted",
        channel="web",
        subject_pseudonym="y" * 64,
        created_at=days_ago(2 * 365),
    )
    return {
        "old_print": old_print,
        "new_print": new_print,
        "pending_old": pending_old,
        "gone": gone,
        "confirmed": confirmed,
        "visitor": visitor,
        "task": task,
        "receipt": receipt,
        "young_receipt": young_receipt,
    }


def exists(obj) -> bool:
    return type(obj).objects.filter(pk=obj.pk).exists()


def test_a_dry_run_counts_and_deletes_nothing(frozen, data):
    out = StringIO()
    call_command("purge_expired", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "footprints: would delete 1" in text
    assert "sessions: would delete 1" in text
    assert "finished_tasks: would delete 1" in text
    assert all(exists(obj) for obj in data.values())
    run = RetentionRun.objects.get()
    assert run.dry_run and run.counts["unconfirmed_subscriptions"] == 1


def test_the_purge_deletes_only_what_is_past_its_period(frozen, data):
    run = retention_purge()
    assert not exists(data["old_print"]) and exists(data["new_print"])
    assert not exists(data["pending_old"]) and not exists(data["gone"])
    assert exists(data["confirmed"])
    assert not exists(data["visitor"])
    assert not exists(data["task"])
    assert not exists(data["receipt"]) and exists(data["young_receipt"])
    assert list(Session.objects.values_list("session_key", flat=True)) == ["alive"]
    assert run.counts["footprints"] == 1 and run.counts["consent_receipts"] == 1
    assert run.finished_at == NOW and not run.dry_run


def test_the_purge_is_idempotent_and_each_run_is_logged(frozen, data):
    retention_purge()
    second = retention_purge()
    assert set(second.counts.values()) == {0}
    assert RetentionRun.objects.count() == 2


def test_the_daily_task_purges_and_logs(frozen, data):
    result = retention_purge_task.enqueue()
    assert result.return_value["footprints"] == 1
    assert RetentionRun.objects.get().trigger == "task"


def test_consent_receipts_are_kept_at_least_three_years(settings, frozen):
    settings.RETENTION = {**settings.RETENTION, "consent_receipts": 365}
    with pytest.raises(ImproperlyConfigured):
        retention_purge()


def test_the_clock_is_frozen():
    with mock.patch("django.utils.timezone.now", return_value=NOW):
        assert timezone.now() == NOW
