"""Reads of policies, versions and consents, each with a fixed number of queries.

The API and the members app call these; ``services`` writes.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext
from wagtail.models import Locale

from core.errors import NotFound
from core.i18n import source_language

from .models import ConsentRecord, PolicyPage, PolicyVersion, PolicyVersionText


def policy_source_page(*, page: PolicyPage) -> PolicyPage:
    """The Chinese source of ``page`` (itself when it is the source)."""
    if page.locale.language_code == source_language():
        return page
    source_locale = Locale.objects.get(language_code=source_language())
    return page.get_translation(source_locale).specific


def translation_synced_at(*, source: PolicyPage) -> dt.datetime | None:
    """When wagtail-localize last took the source's content for translators."""
    from wagtail_localize.models import TranslationSource

    found = (
        TranslationSource.objects.filter(
            object_id=source.translation_key, locale_id=source.locale_id
        )
        .values_list("last_updated_at", flat=True)
        .first()
    )
    return found


def policies_with_versions(*, locale: str | None = None) -> QuerySet[PolicyPage]:
    """Source policies with a published version (readable in ``locale``)."""
    versions = {"versions__texts__locale": locale} if locale else {}
    return (
        PolicyPage.objects.filter(locale__language_code=source_language())
        .filter(versions__isnull=False, **versions)
        .distinct()
        .order_by("path")
    )


def policy_current_versions() -> dict[str, PolicyVersion]:
    """Policy slug → its latest published version (two queries)."""
    current: dict[str, PolicyVersion] = {}
    versions = PolicyVersion.objects.select_related("policy").order_by(
        "policy_id", "-published_at", "-id"
    )
    for version in versions:
        current.setdefault(version.policy.slug, version)
    return current


def policy_by_slug(*, slug: str) -> PolicyPage:
    page = (
        PolicyPage.objects.filter(locale__language_code=source_language(), slug=slug)
        .select_related("locale")
        .first()
    )
    if page is None or not page.versions.exists():
        raise NotFound(gettext("No published policy {slug!r}.").format(slug=slug))
    return page


def versions_with_texts(*, policy: PolicyPage) -> QuerySet[PolicyVersion]:
    return PolicyVersion.objects.filter(policy=policy).prefetch_related(
        Prefetch("texts", queryset=PolicyVersionText.objects.order_by("locale"))
    )


def version_by_label(*, policy: PolicyPage, label: str) -> PolicyVersion:
    version = versions_with_texts(policy=policy).filter(label=label).first()
    if version is None:
        raise NotFound(
            gettext("Policy {slug!r} has no version {label!r}.").format(
                slug=policy.slug, label=label
            )
        )
    return version


def text_in(*, version: PolicyVersion, locale: str) -> PolicyVersionText | None:
    """The version's text in ``locale`` (uses prefetched texts when present)."""
    for text in version.texts.all():
        if text.locale == locale:
            return text
    return None


def full_text(*, text: PolicyVersionText) -> PolicyVersionText:
    """``text`` with its content and HTML (lists load texts without them)."""
    return PolicyVersionText.objects.get(pk=text.pk)


def latest_text(
    *, versions: list[PolicyVersion], locale: str
) -> tuple[PolicyVersion, PolicyVersionText] | None:
    """The newest version (from ``versions``, newest first) with a ``locale`` text."""
    for version in versions:
        text = text_in(version=version, locale=locale)
        if text is not None:
            return version, text
    return None


def latest_policy_record(*, user, policy: PolicyPage) -> ConsentRecord | None:
    return (
        ConsentRecord.objects.filter(user=user, policy=policy)
        .select_related("version")
        .order_by("-created_at", "-id")
        .first()
    )


@dataclass
class ConsentStatus:
    policy: PolicyPage
    current: PolicyVersion
    latest_material: PolicyVersion | None
    accepted: PolicyVersion | None
    record: ConsentRecord | None

    @property
    def requires_consent(self) -> bool:
        """The latest material version is newer than the latest version accepted
        and not withdrawn; editorial versions never ask again."""
        if self.latest_material is None:
            return False
        return self.latest_material.is_newer_than(self.accepted)


def consent_statuses(*, user) -> list[ConsentStatus]:
    """One status per published policy for ``user`` (three queries)."""
    versions = list(
        PolicyVersion.objects.select_related("policy").order_by(
            "policy__path", "-published_at", "-id"
        )
    )
    records = ConsentRecord.objects.filter(user=user, policy__isnull=False)
    latest_record: dict[int, ConsentRecord] = {}
    for row in records.select_related("version").order_by("-created_at", "-id"):
        assert row.policy_id is not None  # noqa: S101 - filtered on policy__isnull
        latest_record.setdefault(row.policy_id, row)
    by_policy: dict[int, list[PolicyVersion]] = {}
    for version in versions:
        by_policy.setdefault(version.policy_id, []).append(version)
    statuses = []
    for history in by_policy.values():
        record = latest_record.get(history[0].policy_id)
        accepted = (
            record.version
            if record and record.action == ConsentRecord.Action.ACCEPTED
            else None
        )
        statuses.append(
            ConsentStatus(
                policy=history[0].policy,
                current=history[0],
                latest_material=next((v for v in history if v.material), None),
                accepted=accepted,
                record=record,
            )
        )
    return statuses


def version_histories(
    *, policies: Iterable[PolicyPage]
) -> dict[int, list[PolicyVersion]]:
    """Policy id → its versions, newest first, with light texts (two queries)."""
    texts = PolicyVersionText.objects.only(
        "id", "version_id", "locale", "title", "change_summary", "sha256"
    ).order_by("locale")
    versions = (
        PolicyVersion.objects.filter(policy__in=[p.pk for p in policies])
        .prefetch_related(Prefetch("texts", queryset=texts))
        .order_by("-published_at", "-id")
    )
    histories: dict[int, list[PolicyVersion]] = {p.pk: [] for p in policies}
    for version in versions:
        histories[version.policy_id].append(version)
    return histories


# --- purposes and pending consents (read by other apps) ---------------------------

PURPOSES = frozenset(ConsentRecord.Purpose.values)


@dataclass
class PurposeState:
    purpose: str
    granted: bool
    since: dt.datetime | None
    receipt_id: uuid.UUID | None


def _purpose_records(*, user, purposes):
    return (
        ConsentRecord.objects.filter(user=user, purpose__in=list(purposes))
        .order_by("-created_at", "-id")
        .values_list("purpose", "action", "created_at", "receipt_id")
    )


def purpose_states(*, user, purposes: list[str]) -> list[PurposeState]:
    """The member's latest choice for each of ``purposes`` (one query): granted
    or not, since when and the receipt of that choice; never chosen → not granted."""
    latest: dict[str, PurposeState] = {}
    for purpose, action, created_at, receipt_id in _purpose_records(
        user=user, purposes=purposes
    ):
        if purpose not in latest:
            latest[purpose] = PurposeState(
                purpose, action == ConsentRecord.Action.ACCEPTED, created_at, receipt_id
            )
    return [latest.get(p) or PurposeState(p, False, None, None) for p in purposes]


def purpose_state(*, user, purpose: str) -> PurposeState:
    return purpose_states(user=user, purposes=[purpose])[0]


def purpose_granted(user, purpose: str) -> bool:
    """Whether ``user`` currently grants ``purpose`` (one query).

    The stable entry point for other apps — e.g. send marketing e-mail only when
    ``purpose_granted(user, "marketing_email")``, track opens and clicks only when
    ``purpose_granted(user, "email_tracking")``. Anonymous users, users without a
    row and members who never chose grant nothing; an unknown purpose is a bug
    (``ValueError``) rather than a silent no.
    """
    if purpose not in PURPOSES:
        raise ValueError(f"Unknown consent purpose {purpose!r}")
    if user is None or not getattr(user, "is_authenticated", False) or not user.pk:
        return False
    found = _purpose_records(user=user, purposes=[purpose]).first()
    return bool(found and found[1] == ConsentRecord.Action.ACCEPTED)


def consents_pending(*, user) -> list[dict[str, Any]]:
    """The policies ``user`` must (again) consent to — the latest material version
    they have not accepted — as ``{policy, version, title, effective_date,
    change_summary}`` (three queries; the summary in the member's language, else
    the source's: members are told what changed before they consent again). The
    session payload and the consent gate show this list."""
    pending = [
        status
        for status in consent_statuses(user=user)
        if status.requires_consent and status.latest_material is not None
    ]
    summaries = _change_summaries(
        [status.latest_material for status in pending],
        getattr(user, "preferred_language", "") or source_language(),
    )
    return [
        {
            "policy": status.policy.slug,
            "version": status.latest_material.label,
            "title": status.policy.title,
            "effective_date": status.latest_material.effective_date.isoformat(),
            "change_summary": summaries.get(status.latest_material.pk, ""),
        }
        for status in pending
        if status.latest_material is not None
    ]


def _change_summaries(versions: list, language: str) -> dict[int, str]:
    """Version id → its change summary in ``language``, else the source's."""
    if not versions:
        return {}
    found: dict[int, str] = {}
    texts = PolicyVersionText.objects.filter(
        version__in=[v.pk for v in versions],
        locale__in={language, source_language()},
    ).values_list("version_id", "locale", "change_summary")
    for version_id, locale, summary in texts:
        if locale == language or version_id not in found:
            found[version_id] = summary
    return found


def processing_allowed(user) -> bool:
    """Whether the platform may record anything new about ``user``: only while no
    policy awaits their consent (withdrawn, never given or a newer material
    version pending all stop it). Footprints, download records, e-mail tracking
    and recommendation data ask this first (issue 13: withdrawal stops
    processing); the member's rights never do."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.pk:
        return False
    return not consents_pending(user=user)


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]*\w", re.ASCII)
_PHONE = re.compile(r"\+?\d[\d -]{6,}\d|\d{3,4}-\d{7,8}", re.ASCII)


def privacy_contact(locale: str, slug: str = "") -> dict[str, Any] | None:
    """The contact block of the published privacy policy — the latest version of
    ``slug`` (default: the first policy published), in ``locale`` or else the
    source — as ``{policy, version, lines, email, phone}``: the privacy contact
    every surface shows, so the site and the policy never disagree (two queries)."""
    versions = PolicyVersion.objects.select_related("policy").order_by(
        "policy__path", "-published_at", "-id"
    )
    if slug:
        versions = versions.filter(policy__slug=slug)
    version = versions.first()
    if version is None:
        return None
    texts = {
        text.locale: text
        for text in PolicyVersionText.objects.filter(
            version=version, locale__in={locale, source_language()}
        ).only("locale", "content")
    }
    text = texts.get(locale) or texts.get(source_language())
    lines = list((text.content or {}).get("contact", [])) if text else []
    joined = "\n".join(lines)
    email = _EMAIL.search(joined)
    phone = _PHONE.search(joined)
    return {
        "policy": version.policy.slug,
        "version": version.label,
        "lines": lines,
        "email": email.group(0) if email else "",
        "phone": phone.group(0) if phone else "",
    }
