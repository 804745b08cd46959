"""Background work for the members app (django-tasks; queued after commit).

Task arguments are plain strings and dicts, so the database backend can store
them; a message is rendered before queueing, in the recipient's language.
``digest_send_task`` is the scheduled digest (the same as ``manage.py
send_digest``): enqueue it from a timer, or run the command from cron.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def email_send(
    *,
    to: list[str],
    subject: str,
    body: str,
    html: str = "",
    headers: dict[str, str] | None = None,
) -> int:
    """Send one e-mail: plain text, with an HTML alternative and extra headers
    (``List-Unsubscribe`` …) when given."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers or {},
    )
    if html:
        message.attach_alternative(html, "text/html")
    return message.send(fail_silently=False)


@task()
def digest_send_task() -> int:
    """Mail every confirmed subscriber their digest; returns how many were sent."""
    from members.services.digest import digest_send_all

    return digest_send_all()
