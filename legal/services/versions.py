"""Policy versions: ``policy_version_freeze``, called on each publish of a policy."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from core.i18n import source_language

from ..models import PolicyPage, PolicyVersion, PolicyVersionText
from ..rendering import content_sha256, policy_content, policy_html
from ..selectors import policy_source_page, translation_synced_at

logger = logging.getLogger(__name__)


def _next_label(policy: PolicyPage, updated_on) -> str:
    base = updated_on.isoformat()
    taken = set(
        PolicyVersion.objects.filter(policy=policy, label__startswith=base).values_list(
            "label", flat=True
        )
    )
    if base not in taken:
        return base
    suffix = 2
    while f"{base}-{suffix}" in taken:
        suffix += 1
    return f"{base}-{suffix}"


def _freeze_text(
    version: PolicyVersion, page: PolicyPage, revision_id: int | None
) -> PolicyVersionText:
    content = policy_content(page)
    html = policy_html(content)
    return PolicyVersionText.objects.create(
        version=version,
        locale=page.locale.language_code,
        title=page.title,
        change_summary=page.change_summary,
        content=content,
        html=html,
        sha256=content_sha256(content, html),
        revision_id=revision_id,
    )


def _copy_text(text: PolicyVersionText, version: PolicyVersion) -> PolicyVersionText:
    return PolicyVersionText.objects.create(
        version=version,
        locale=text.locale,
        title=text.title,
        change_summary=text.change_summary,
        content=text.content,
        html=text.html,
        sha256=text.sha256,
        revision_id=text.revision_id,
    )


def _new_version(
    policy: PolicyPage, page: PolicyPage, *, material: bool, sha256: str, revision_id
) -> PolicyVersion:
    return PolicyVersion.objects.create(
        policy=policy,
        label=_next_label(policy, page.updated_on),
        updated_on=page.updated_on,
        effective_date=page.effective_date or page.updated_on,
        material=material,
        published_at=timezone.now(),
        sha256=sha256,
        revision_id=revision_id,
    )


@transaction.atomic
def policy_version_freeze(
    *, page: PolicyPage, revision_id: int | None = None
) -> PolicyVersion | None:
    """Freeze what was just published; return the version the text went into.

    * The Chinese source → a new version (``material`` as the editor chose),
      carrying over the other locales' texts only if the source text is unchanged.
    * A translation → its text joins the version it was translated from (the last
      one published when wagtail-localize last synced the source); a second
      translation of the current version is a correction, i.e. a new editorial
      version. A translation of an old version that already has that locale's
      text changes nothing (the API keeps calling it outdated).
    """
    page = page.specific
    if page.locale.language_code == source_language():
        return _freeze_source(page, revision_id)
    return _freeze_translation(page, revision_id)


def _freeze_source(page: PolicyPage, revision_id: int | None) -> PolicyVersion:
    previous = PolicyVersion.objects.filter(policy=page).first()
    content = policy_content(page)
    sha256 = content_sha256(content, policy_html(content))
    version = _new_version(
        page,
        page,
        material=page.material_change,
        sha256=sha256,
        revision_id=revision_id,
    )
    _freeze_text(version, page, revision_id)
    if previous is not None and previous.sha256 == sha256:
        for text in previous.texts.exclude(locale=source_language()):
            _copy_text(text, version)
    return version


def _freeze_translation(
    page: PolicyPage, revision_id: int | None
) -> PolicyVersion | None:
    source = policy_source_page(page=page)
    versions = PolicyVersion.objects.filter(policy=source)
    current = versions.first()
    if current is None:
        logger.warning(
            "Translation %s published before its source; not frozen", page.pk
        )
        return None
    synced_at = translation_synced_at(source=source)
    version = current
    if synced_at is not None:
        # last() finds a version: ``current`` is one.
        version = (
            versions.filter(published_at__lte=synced_at).first()
            or versions.last()
            or current
        )
    locale = page.locale.language_code
    existing = version.texts.filter(locale=locale).first()
    if existing is None:
        _freeze_text(version, page, revision_id)
        return version
    content = policy_content(page)
    if existing.sha256 == content_sha256(content, policy_html(content)):
        return version
    if version.pk != current.pk:
        logger.warning("Correction of an outdated %s translation not frozen", locale)
        return None
    correction = _new_version(
        source, source, material=False, sha256=current.sha256, revision_id=revision_id
    )
    for text in current.texts.exclude(locale=locale):
        _copy_text(text, correction)
    _freeze_text(correction, page, revision_id)
    return correction
