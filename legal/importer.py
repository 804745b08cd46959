"""``policy_import``: a plain-text policy becomes a policy page or its translation.

The Chinese text becomes (a new draft of) the source ``PolicyPage``. The English
text becomes its wagtail-localize translation: each Chinese segment gets the
English text found at the same place in the English file (same section,
same sub-section, same position), stored as the translator's
``StringTranslation`` so the translation editor shows it, and the English page is
saved from those translations. ``manage.py import_policy`` is the command line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Locale

from cms.services import site_tree_ensure
from core.errors import ValidationFailed
from core.i18n import source_language

from .models import PolicyPage, PolicyVersion
from .parsing import ParsedPolicy, PolicyParseError, parse_policy
from .policy_body import paragraph_html, source_body
from .translation_import import import_translation

DEFAULT_SLUG = "legal-privacy"


@dataclass
class ImportResult:
    page: PolicyPage
    parsed: ParsedPolicy
    created: bool
    version: PolicyVersion | None


def _fill_source(page: PolicyPage, parsed: ParsedPolicy, updated_on: dt.date) -> None:
    old_sections = list(page.body.raw_data) if page.pk and page.body else []
    page.title = page.draft_title = parsed.title
    page.updated_on = updated_on
    page.intro = "".join(paragraph_html(line) for line in parsed.intro)
    page.body = source_body(parsed, old_sections)
    page.contact = "\n".join(parsed.contact)
    page.material_change = True


def _import_source(
    parsed: ParsedPolicy,
    *,
    slug: str,
    updated_on: dt.date,
    user,
    summary: str,
    material: bool,
) -> tuple[PolicyPage, bool]:
    home = site_tree_ensure()[source_language()]
    page = PolicyPage.objects.filter(locale=home.locale, slug=slug).first()
    created = page is None
    if page is None:
        page = PolicyPage(slug=slug, locale=home.locale, live=False, owner=user)
        _fill_source(page, parsed, updated_on)
        home.add_child(instance=page)
    else:
        page = page.get_latest_revision_as_object()
        _fill_source(page, parsed, updated_on)
    page.change_summary = summary
    page.material_change = material
    page.save_revision(user=user, log_action=True)
    return page, created


def policy_import(
    *,
    text: str,
    locale: str,
    slug: str = DEFAULT_SLUG,
    updated_on: dt.date | None = None,
    publish: bool = False,
    user=None,
    summary: str = "",
    material: bool = True,
) -> ImportResult:
    """Import ``text`` in ``locale``; ``publish`` freezes a new version.

    ``summary`` says what changed (members are shown it before consenting
    again); ``material`` False makes the version an editorial correction that
    asks nobody again. Both describe the Chinese source's next version.

    Raises ``ValidationFailed`` (code ``unreadable_policy``) for a file it cannot
    read, or an English file that does not line up with the Chinese page.
    """
    try:
        parsed = parse_policy(text, locale)
    except PolicyParseError as exc:
        raise ValidationFailed(str(exc), code="unreadable_policy") from exc
    date = updated_on or parsed.updated_on
    if date is None:
        raise ValidationFailed(
            "The file has no 'updated on' line; pass --updated-on.",
            code="unreadable_policy",
        )
    with transaction.atomic():
        if locale == source_language():
            page, created = _import_source(
                parsed,
                slug=slug,
                updated_on=date,
                user=user,
                summary=summary.strip(),
                material=material,
            )
        else:
            page, created = import_translation(parsed, slug=slug, user=user)
        version = None
        if publish:
            page.get_latest_revision().publish(user=user)
            page.refresh_from_db()
            version = PolicyVersion.objects.filter(policy=_source_of(page)).first()
    return ImportResult(page=page, parsed=parsed, created=created, version=version)


def _source_of(page: PolicyPage) -> PolicyPage:
    if page.locale.language_code == source_language():
        return page
    source_locale = Locale.objects.get(language_code=source_language())
    return page.get_translation(source_locale).specific
