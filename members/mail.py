"""Member e-mails, shared by every domain of the members app: rendered now in the
recipient's language, sent after commit by the ``email_send`` task (django-tasks).

The task lives here, beside ``mail_queue`` that enqueues it, so the domains' services
import this module and nothing imports them back. Task arguments are plain strings
and dicts, so the database backend can store them; a message is rendered before
queueing. The staff addresses mail goes to come from the default site's settings.
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


def mail_queue(
    *,
    to: str,
    template: str,
    context: dict,
    language: str | None = None,
    html: bool = False,
    headers: dict[str, str] | None = None,
) -> None:
    """Render ``members/email/<template>_subject.txt`` / ``_body.txt`` (and
    ``_body.html`` when ``html``) and queue the message once the surrounding
    transaction commits."""
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
    transaction.on_commit(
        lambda: email_send.enqueue(
            to=[to], subject=subject, body=body, html=html_body, headers=headers
        )
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
