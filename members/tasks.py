"""Background e-mail for the members app (django-tasks; queued after commit).

Task arguments are plain strings, so the database backend can store them; the
message is rendered before queueing, in the recipient's language.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task


@task()
def email_send(*, to: list[str], subject: str, body: str) -> int:
    """Send one plain-text e-mail."""
    return send_mail(
        subject=subject,
        message=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=to,
        fail_silently=False,
    )
