"""Member e-mails: rendered now in the member's language, sent by a task after
commit."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Site

from cms.models import SiteSettings
from members.tasks import email_send


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
        subject = render_to_string(f"members/email/{template}_subject.txt", context)
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


def privacy_officer_email() -> str:
    """The privacy officer's address from the default site's settings ("" if unset)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ""
    return SiteSettings.for_site(site).privacy_email
