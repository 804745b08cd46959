"""Consents: policy acceptance and withdrawal, visitor receipts, optional purposes,
the consents of a sign-up, and pseudonymisation on account cancellation."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from typing import Any, TypedDict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext

from core.errors import Conflict, NotFound, ValidationFailed
from core.i18n import source_language

from ..models import ConsentRecord, PolicyPage, PolicyVersion
from ..selectors import (
    PurposeState,
    consent_statuses,
    latest_policy_record,
    policy_current_versions,
    purpose_state,
)

PURPOSES = [choice.value for choice in ConsentRecord.Purpose]
# What a member chooses freely; the guardian's consents are only given at sign-up.
SIGNUP_ONLY_PURPOSES = (
    ConsentRecord.Purpose.GUARDIAN,
    ConsentRecord.Purpose.CHILD_SENSITIVE,
)
OPTIONAL_PURPOSES = [p for p in PURPOSES if p not in SIGNUP_ONLY_PURPOSES]


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
            gettext("Unknown channel {channel!r}.").format(channel=channel),
            code="invalid_channel",
            errors=[
                {
                    "code": "invalid_choice",
                    "detail": gettext("Unknown channel."),
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
            gettext(
                "Version {label} has no {locale!r} text to have been shown."
            ).format(label=version.label, locale=locale),
            code="invalid_locale",
            errors=[
                {
                    "code": "invalid_locale",
                    "detail": gettext("No such text."),
                    "attr": "locale",
                }
            ],
        )


def ensure_current(version: PolicyVersion) -> None:
    """Raise ``Conflict`` (``stale_version``) unless ``version`` is the current one."""
    current = PolicyVersion.objects.filter(policy_id=version.policy_id).first()
    if current is None or current.pk != version.pk:
        raise Conflict(
            gettext(
                "Version {label} is not the current version ({current}); "
                "accept the current one."
            ).format(label=version.label, current=current.label if current else "—"),
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
        raise Conflict(
            gettext("You have not accepted this policy."), code="not_accepted"
        )
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
        raise ValidationFailed(
            gettext("A visitor id is required."), code="visitor_id_required"
        )
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
            gettext("Unknown purpose {purpose!r}.").format(purpose=purpose),
            code="invalid_purpose",
            errors=[
                {
                    "code": "invalid_choice",
                    "detail": gettext("Unknown purpose."),
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


@transaction.atomic
def purpose_consent_update(
    *,
    user,
    purpose: str,
    granted: bool,
    channel: str,
    user_agent: str = "",
    ip_address: str = "",
) -> PurposeState:
    """The member's own choice of an optional purpose (``PUT
    /me/consents/purposes/{purpose}/``): a record only when the choice changes.

    The guardian consent is not a member's choice (it is given at sign-up), so it
    is refused like an unknown purpose.
    """
    if purpose not in OPTIONAL_PURPOSES:
        raise NotFound(
            gettext("No optional purpose {purpose!r}.").format(purpose=purpose),
            code="unknown_purpose",
        )
    # Lock the member's row: two concurrent PUTs must not both see "unchanged".
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    state = purpose_state(user=user, purpose=purpose)
    if state.granted != granted:
        purpose_consent_set(
            user=user,
            purpose=purpose,
            granted=granted,
            channel=channel,
            user_agent=user_agent,
            ip_address=ip_address,
        )
        state = purpose_state(user=user, purpose=purpose)
    return state


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
        raise NotFound(gettext("No such member."))
    return ConsentRecord.objects.filter(user=user).update(user=None)


# --- sign-up ---------------------------------------------------------------------


def _invalid(detail: str, code: str, **extra: Any) -> ValidationFailed:
    return ValidationFailed(
        detail,
        code=code,
        errors=[{"code": code, "detail": detail, "attr": "accepted_policies"}],
        extra=extra,
    )


def signup_policies_check(*, accepted: list[tuple[str, str]]) -> list[PolicyVersion]:
    """The versions a sign-up accepts: ``accepted`` (policy slug, version label)
    must name the *current* version of every published policy, no more, no less.

    Raises ``ValidationFailed`` with ``code`` ``policy_unknown`` (no such published
    policy), ``policy_outdated`` (not its current version) or ``consent_required``
    (a published policy is missing). With no policy published yet (a fresh
    development site) nothing is required and the list must be empty.
    """
    current = policy_current_versions()
    named: dict[str, str] = {}
    for slug, label in accepted:
        version = current.get(slug)
        if version is None:
            raise _invalid(
                gettext("No published policy {slug!r}.").format(slug=slug),
                "policy_unknown",
            )
        if label != version.label:
            raise _invalid(
                gettext(
                    "Version {label!r} of {slug!r} is not the current one "
                    "({current}); show and accept the current version."
                ).format(label=label, slug=slug, current=version.label),
                "policy_outdated",
                current_version=version.label,
            )
        named[slug] = label
    missing = sorted(set(current) - set(named))
    if missing:
        listed = ", ".join(f"{slug} {current[slug].label}" for slug in missing)
        raise _invalid(
            gettext("Accept the current policies: {policies}.").format(policies=listed),
            "consent_required",
        )
    return [current[slug] for slug in sorted(current)]


def _shown_locale(version: PolicyVersion, locale: str) -> str:
    """``locale`` when the version has a text in it, else the Chinese source."""
    if locale and version.texts.filter(locale=locale).exists():
        return locale
    return source_language()


@transaction.atomic
class _Client(TypedDict):
    channel: str
    user_agent: str
    ip_address: str


def signup_consents_record(
    *,
    user,
    versions: list[PolicyVersion],
    purposes: list[str],
    guardian: dict[str, str] | None,
    locale: str,
    child: bool = False,
    channel: str,
    user_agent: str = "",
    ip_address: str = "",
) -> list[ConsentRecord]:
    """Write the consents a new member gave on the sign-up form, in the same
    transaction as their account: one record per accepted policy version, the
    guardian's consent for a minor (its own record, purpose ``guardian``, with the
    guardian's name and contact), for a ``child`` under 14 the guardian's separate
    consent to processing sensitive personal information (purpose
    ``child_sensitive``, PIPL art. 28, 31), and each optional purpose
    granted. ``versions`` come from ``signup_policies_check``; each is checked
    again to be current, so a version published meanwhile is a 409."""
    client = _Client(channel=channel, user_agent=user_agent, ip_address=ip_address)
    records = [
        consent_accept(
            user=user, version=version, locale=_shown_locale(version, locale), **client
        )
        for version in versions
    ]
    if guardian is not None:
        records.append(
            purpose_consent_set(
                user=user,
                purpose=ConsentRecord.Purpose.GUARDIAN,
                granted=True,
                data={
                    "guardian_name": guardian["name"],
                    "guardian_contact": guardian["contact"],
                    "confirmed": True,
                },
                **client,
            )
        )
    if guardian is not None and child:
        records.append(
            purpose_consent_set(
                user=user,
                purpose=ConsentRecord.Purpose.CHILD_SENSITIVE,
                granted=True,
                data={"guardian_name": guardian["name"], "confirmed": True},
                **client,
            )
        )
    for purpose in dict.fromkeys(purposes):
        if purpose not in OPTIONAL_PURPOSES:
            raise ValidationFailed(
                gettext("Unknown purpose {purpose!r}.").format(purpose=purpose),
                code="invalid_purpose",
            )
        records.append(
            purpose_consent_set(user=user, purpose=purpose, granted=True, **client)
        )
    return records
