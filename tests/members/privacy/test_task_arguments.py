"""Tasks carry ids, never personal data, with the production task backend
(``django_tasks_db``, which keeps every task's arguments in its table): a message
waits in ``QueuedEmail`` and is deleted once sent; erasure removes the member's
waiting mail and its queued tasks, so after cancellation no table holds the
member's values, with either task backend."""

from __future__ import annotations

import json

import pytest
from django.core import mail
from django.core.cache import cache
from django_tasks_db.models import DBTaskResult

from delivery.tasks import webhook_deliver
from members.mail import email_send
from members.models import QueuedEmail
from members.subscriptions.tasks import digest_send_task
from tests.factories.member_data import member_with_data
from tests.factories.members import PASSWORD
from tests.frontend_api.test_me_export_and_cancel import columns_mentioning

pytestmark = pytest.mark.django_db

DB_BACKEND = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = DB_BACKEND
    cache.clear()
    yield
    cache.clear()


def run_queued_tasks() -> int:
    """What ``db_worker`` does, in this test's transaction: run each ready e-mail
    (Wagtail's reference-index tasks, ids too, need no running here)."""
    ran = 0
    ready = DBTaskResult.objects.ready().filter(task_path=email_send.module_path)
    for row in ready.order_by("enqueued_at"):
        args_kwargs = row.args_kwargs
        value = row.task.call(*args_kwargs["args"], **args_kwargs["kwargs"])
        row.set_successful(value)
        ran += 1
    return ran


def stored_arguments() -> list[tuple[str, str]]:
    return [
        (row.task_path, json.dumps(row.args_kwargs, ensure_ascii=False))
        for row in DBTaskResult.objects.all()
    ]


def test_every_kind_of_task_is_stored_with_ids_only(
    client, db_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        data = member_with_data("taskargs")
        # allauth's own mail (a password reset) goes the same way
        client.post(
            "/api/v1/auth/browser/v1/auth/password/request",
            {"email": data.member.email},
            content_type="application/json",
        )
    webhook_deliver.enqueue(delivery_id=1)
    digest_send_task.enqueue()
    stored = stored_arguments()
    paths = {path for path, _ in stored}
    assert {
        email_send.module_path,
        webhook_deliver.module_path,
        digest_send_task.module_path,
    } <= paths
    assert len([p for p, _ in stored if p == email_send.module_path]) >= 2
    for path, arguments in stored:
        for secret in data.secrets:
            assert secret not in arguments, (path, secret)
    # The waiting messages are readable by the task when it runs, and sent.
    assert QueuedEmail.objects.exists()
    run_queued_tasks()
    assert data.member.email in {to for m in mail.outbox for to in m.to}
    assert not QueuedEmail.objects.exists()
    for path, arguments in stored_arguments():
        for secret in data.secrets:
            assert secret not in arguments, (path, secret)


def test_cancellation_removes_the_member_s_queued_mail_and_tasks(
    client, db_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        data = member_with_data("erasequeue")
    waiting = list(QueuedEmail.objects.values_list("pk", flat=True))
    assert waiting
    client.force_login(data.member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.delete(
            "/api/v1/me/", {"password": PASSWORD}, content_type="application/json"
        )
    assert response.status_code == 204
    assert not QueuedEmail.objects.filter(pk__in=waiting).exists()
    assert not DBTaskResult.objects.filter(
        args_kwargs__kwargs__message_id__in=waiting
    ).exists()
    # Only the cancellation confirmation waits, and once sent nothing is left.
    run_queued_tasks()
    assert [m.to for m in mail.outbox] == [[data.member.email]]
    assert columns_mentioning(data.secrets) == []


def test_cancellation_with_the_immediate_backend_leaves_nothing(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        data = member_with_data("eraseimmediate")
    client.force_login(data.member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.delete(
            "/api/v1/me/", {"password": PASSWORD}, content_type="application/json"
        )
    assert response.status_code == 204
    assert columns_mentioning(data.secrets) == []
