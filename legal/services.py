"""Operations on policies and consents (the legal ↔ members contract, CONTRACTS.md).

Versions: ``policy_version_freeze`` (called on every publish of a policy page).
Consents: ``consent_accept``, ``consent_withdraw``, ``consent_visitor_receipt``,
``consents_required``, ``purpose_consent_set``, ``purpose_consents``,
``consent_records_pseudonymise``. Reads reused by the API are in ``selectors``.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cms.errors import Conflict, NotFound, ValidationFailed

from .models import ConsentRecord, PolicyPage, PolicyVersion, PolicyVersionText
from .rendering import content_sha256, policy_content, policy_html
from .selectors import (
    latest_policy_record,
    policy_current_versions,
    policy_source_page,
    translation_synced_at,
)

logger = logging.getLogger(__name__)

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
PURPOSES = [choice.value for choice in ConsentRecord.Purpose]

__all__ = [
    "consent_accept",
    "consent_records_pseudonymise",
    "consent_visitor_receipt",
    "consent_withdraw",
    "consents_required",
    "ensure_current",
    "policy_current_versions",
    "policy_version_freeze",
    "purpose_consent_set",
    "purpose_consents",
    "truncate_ip",
]


# --- versions -------------------------------------------------------------------


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
    if page.locale.language_code == SOURCE_LANGUAGE:
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
        for text in previous.texts.exclude(locale=SOURCE_LANGUAGE):
            _copy_text(text, version)
    return version


def _freeze_translation(
    page: PolicyPage, revision_id: int | None
) -> PolicyVersion | None:
    source = policy_source_page(page)
    versions = PolicyVersion.objects.filter(policy=source)
    current = versions.first()
    if current is None:
        logger.warning(
            "Translation %s published before its source; not frozen", page.pk
        )
        return None
    synced_at = translation_synced_at(source)
    version = current
    if synced_at is not None:
        version = (
            versions.filter(published_at__lte=synced_at).first() or versions.last()
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


# --- consents -------------------------------------------------------------------


def truncate_ip(ip_address: str) -> str | None:
    """Keep the network only: /24 of IPv4, /48 of IPv6; None for no/bad address."""
    try:
        address = ipaddress.ip_address((ip_address or "").strip())
    except ValueError:
        return None
    prefix = 24 if address.version == 4 else 48
    return str(
        ipaddress.ip_network(f"{address}/{prefix}", strict=False).network_address
    )


def subject_pseudonym(user) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"member:{user.pk}".encode(), hashlib.sha256
    )
    return f"m_{digest.hexdigest()[:32]}"


def _channel(channel: str) -> str:
    if channel not in ConsentRecord.Channel.values:
        raise ValidationFailed(
            f"Unknown channel {channel!r}.",
            code="invalid_channel",
            errors=[
                {
                    "code": "invalid_choice",
                    "detail": "Unknown channel.",
                    "attr": "channel",
                }
            ],
        )
    return channel


def _record(**fields: Any) -> ConsentRecord:
    fields["channel"] = _channel(fields["channel"])
    fields["user_agent"] = (fields.get("user_agent") or "")[:512]
    fields["ip_address"] = truncate_ip(fields.get("ip_address") or "")
    user = fields.get("user")
    if user is not None:
        fields["subject_pseudonym"] = subject_pseudonym(user)
    record = ConsentRecord(**fields)
    record.full_clean()
    record.save()
    return record


def _check_locale(version: PolicyVersion, locale: str) -> None:
    if not version.texts.filter(locale=locale).exists():
        raise ValidationFailed(
            f"Version {version.label} has no {locale!r} text to have been shown.",
            code="invalid_locale",
            errors=[
                {"code": "invalid_locale", "detail": "No such text.", "attr": "locale"}
            ],
        )


def ensure_current(version: PolicyVersion) -> None:
    """Raise ``Conflict`` (``stale_version``) unless ``version`` is the current one."""
    current = PolicyVersion.objects.filter(policy_id=version.policy_id).first()
    if current is None or current.pk != version.pk:
        raise Conflict(
            f"Version {version.label} is not the current version"
            f"{f' ({current.label})' if current else ''}; accept the current one.",
            code="stale_version",
            extra={"current_version": current.label if current else None},
        )


@transaction.atomic
def consent_accept(
    *,
    user,
    version: PolicyVersion,
    locale: str,
    channel: str,
    user_agent: str = "",
    ip_address: str = "",
) -> ConsentRecord:
    """Record that ``user`` accepted ``version`` (only the current one; else 409)."""
    ensure_current(version)
    _check_locale(version, locale)
    return _record(
        user=user,
        policy_id=version.policy_id,
        version=version,
        action=ConsentRecord.Action.ACCEPTED,
        locale=locale,
        channel=channel,
        user_agent=user_agent,
        ip_address=ip_address,
    )


@transaction.atomic
def consent_withdraw(
    *,
    user,
    policy: PolicyPage,
    channel: str,
    locale: str = "",
    user_agent: str = "",
    ip_address: str = "",
) -> ConsentRecord:
    """Record that ``user`` withdrew their consent to ``policy``.

    The record names the version they had accepted; withdrawing when nothing is
    accepted is a 409 (``not_accepted``).
    """
    last = latest_policy_record(user=user, policy=policy)
    if last is None or last.action != ConsentRecord.Action.ACCEPTED:
        raise Conflict("You have not accepted this policy.", code="not_accepted")
    return _record(
        user=user,
        policy=policy,
        version=last.version,
        action=ConsentRecord.Action.WITHDRAWN,
        locale=locale or last.locale,
        channel=channel,
        user_agent=user_agent,
        ip_address=ip_address,
    )


@transaction.atomic
def consent_visitor_receipt(
    *,
    visitor_id: str,
    version: PolicyVersion,
    locale: str,
    channel: str,
    action: str = ConsentRecord.Action.ACCEPTED,
    user_agent: str = "",
    ip_address: str = "",
) -> ConsentRecord:
    """An anonymous visitor's receipt for a notice they were shown (and accepted)."""
    if not visitor_id.strip():
        raise ValidationFailed("A visitor id is required.", code="visitor_id_required")
    ensure_current(version)
    _check_locale(version, locale)
    return _record(
        visitor_id=visitor_id.strip()[:64],
        policy_id=version.policy_id,
        version=version,
        action=action,
        locale=locale,
        channel=channel,
        user_agent=user_agent,
        ip_address=ip_address,
    )


def consents_required(*, user) -> list[PolicyVersion]:
    """The latest material version of each policy ``user`` has not accepted (or
    has withdrawn from) since it was published."""
    from .selectors import consent_statuses

    return [
        status.latest_material
        for status in consent_statuses(user=user)
        if status.requires_consent and status.latest_material is not None
    ]


@transaction.atomic
def purpose_consent_set(
    *,
    user,
    purpose: str,
    granted: bool,
    channel: str,
    user_agent: str = "",
    ip_address: str = "",
    data: dict[str, Any] | None = None,
) -> ConsentRecord:
    """Grant or refuse an optional purpose (marketing e-mail, guardian consent …)."""
    if purpose not in PURPOSES:
        raise ValidationFailed(
            f"Unknown purpose {purpose!r}.",
            code="invalid_purpose",
            errors=[
                {
                    "code": "invalid_choice",
                    "detail": "Unknown purpose.",
                    "attr": "purpose",
                }
            ],
        )
    action = (
        ConsentRecord.Action.ACCEPTED if granted else ConsentRecord.Action.WITHDRAWN
    )
    return _record(
        user=user,
        purpose=purpose,
        action=action,
        channel=channel,
        user_agent=user_agent,
        ip_address=ip_address,
        data=data or {},
    )


def purpose_consents(*, user) -> dict[str, bool]:
    """Each optional purpose → whether ``user``'s latest choice grants it."""
    latest: dict[str, bool] = dict.fromkeys(PURPOSES, False)
    seen: set[str] = set()
    records = ConsentRecord.objects.filter(user=user).exclude(purpose="")
    for purpose, action in records.order_by("-created_at", "-id").values_list(
        "purpose", "action"
    ):
        if purpose not in seen:
            seen.add(purpose)
            latest[purpose] = action == ConsentRecord.Action.ACCEPTED
    return latest


@transaction.atomic
def consent_records_pseudonymise(*, user) -> int:
    """On account cancellation: records keep only their pseudonymous subject id."""
    if not user.pk:
        raise NotFound("No such member.")
    return ConsentRecord.objects.filter(user=user).update(user=None)
