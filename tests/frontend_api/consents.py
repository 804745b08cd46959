"""Helpers for the consent tests: a published policy, a new material version, and
a member who accepted the current one."""

from __future__ import annotations

import datetime as dt

from legal import services
from legal.models import PolicyVersion
from tests.legal import conftest as legal_fixtures

BROWSER = "/api/v1/auth/browser/v1"
APP = "/api/v1/auth/app/v1"

# The policy fixtures live with the legal tests; test modules assign these.
policy = legal_fixtures.policy


def publish(policy, *, material: bool = True, updated_on=None) -> PolicyVersion:
    """Publish the policy again: a new (material) version becomes current."""
    draft = policy.get_latest_revision_as_object()
    draft.material_change = material
    draft.updated_on = updated_on or dt.date(2024, 6, 1)
    draft.save_revision().publish()
    return PolicyVersion.objects.filter(policy=policy).first()


def current(policy) -> PolicyVersion:
    return PolicyVersion.objects.filter(policy=policy).first()


def accept_current(member, policy) -> None:
    services.consent_accept(
        user=member, version=current(policy), locale="zh-hans", channel="web"
    )
