"""Member e-mails, shared by every domain of the members app: rendered now in the
recipient's language, sent after commit by the ``email_send`` task (django-tasks).

The task lives here, beside ``mail_queue`` that enqueues it, so the domains' services
import this module and nothing imports them back. A message is rendered before
queueing into a ``QueuedEmail`` row; the task carries only its id, never personal
data (``members.outbox``). The staff addresses mail goes to come from the
default site's settings.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task
from wagtail.models import Site

from cms.models import SiteSettings

from .outbox import QueuedEmail


@task()
def email_send(*, message_id: int) -> int:
    """Send one queued e-mail (``QueuedEmail``): plain text, with an HTML
    alternative and extra headers (``List-Unsubscribe`` …) when given; the row is
    deleted once sent. A message erased meanwhile is not sent (0)."""
    queued = QueuedEmail.objects.filter(pk=message_id).first()
    if queued is None:
        return 0
    message = EmailMultiAlternatives(
        subject=queued.subject,
        body=queued.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=queued.to,
        headers=queued.headers or {},
    )
    if queued.html:
        message.attach_alternative(queued.html, "text/html")
    sent = message.send(fail_silently=False)
    queued.delete()
    return sent


def email_queue(
    *,
    to: list[str],
    subject: str,
    body: str,
    html: str = "",
    headers: dict[str, str] | None = None,
    user=None,
) -> QueuedEmail:
    """Keep a rendered message and send it from a task after commit; ``user`` is
    the member it is to or about, so erasure finds it."""
    queued = QueuedEmail.objects.create(
        user=user if getattr(user, "pk", None) else None,
        to=list(to),
        subject=subject,
        body=body,
        html=html,
        headers=headers or {},
    )
    transaction.on_commit(lambda: email_send.enqueue(message_id=queued.pk))
    return queued


def mail_queue(
    *,
    to: str,
    template: str,
    context: dict,
    language: str | None = None,
    html: bool = False,
    headers: dict[str, str] | None = None,
    user=None,
) -> None:
    """Render ``members/email/<template>_subject.txt`` / ``_body.txt`` (and
    ``_body.html`` when ``html``) and queue the message once the surrounding
    transaction commits; ``user``: the member the message is to or about."""
    if not to:
        return
    with translation.override(language or settings.LANGUAGE_CODE):
        subject: str = render_to_string(
            f"members/email/{template}_subject.txt", context
        )
        body = render_to_string(f"members/email/{template}_body.txt", context)
        html_body = (
            render_to_string(f"members/email/{template}_body.html", context)
            if html
            else ""
        )
    subject = settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split())
    email_queue(
        to=[to], subject=subject, body=body, html=html_body, headers=headers, user=user
    )


def mail_language(language: str | None) -> str:
    """``language`` when it is one we write e-mails in, else the default."""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _site_settings() -> SiteSettings | None:
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site) if site is not None else None


def privacy_officer_email() -> str:
    """The privacy officer's address from the default site's settings ("" if unset)."""
    found = _site_settings()
    return found.privacy_email if found is not None else ""


def sales_email() -> str:
    """Sales' address (procurement requests, consultations) from the default site's
    settings ("" if unset)."""
    found = _site_settings()
    return found.sales_email if found is not None else ""
