"""Background work of subscriptions (django-tasks).

``digest_send_task`` is the scheduled digest (the same as ``manage.py send_digest``):
enqueue it from a timer, or run the command from cron. Tasks import the services
they run; no service imports this module (e-mails are queued by ``members.mail``).
"""

from __future__ import annotations

from django_tasks import task

from .digest import digest_send_all


@task()
def digest_send_task() -> int:
    """Mail every confirmed subscriber their digest; returns how many were sent."""
    return digest_send_all()
