"""Consent services: requires_consent, withdrawals, purposes, pseudonymisation."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from core.errors import Conflict
from legal import services
from legal.models import ConsentRecord, ImmutableRecordError, PolicyVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return get_user_model().objects.create_user("m@example.com", "pw-123456")


def _publish(policy, *, material, updated_on=None):
    draft = policy.get_latest_revision_as_object()
    draft.material_change = material
    if updated_on:
        draft.updated_on = updated_on
    draft.save_revision().publish()
    return PolicyVersion.objects.filter(policy=policy).first()


def _accept(member, version):
    return services.consent_accept(
        user=member, version=version, locale="zh-hans", channel="web"
    )


def test_a_new_member_must_consent_to_the_current_material_version(member, policy):
    current = PolicyVersion.objects.get(policy=policy)
    assert services.consents_required(user=member) == [current]
    _accept(member, current)
    assert services.consents_required(user=member) == []


def test_an_editorial_version_never_asks_again(member, policy):
    _accept(member, PolicyVersion.objects.get(policy=policy))
    _publish(policy, material=False)
    assert services.consents_required(user=member) == []


def test_a_material_version_asks_again_until_accepted(member, policy):
    _accept(member, PolicyVersion.objects.get(policy=policy))
    material = _publish(policy, material=True, updated_on=dt.date(2024, 5, 1))
    editorial = _publish(policy, material=False)
    assert services.consents_required(user=member) == [material]
    _accept(member, editorial)  # the current one: covers the material change
    assert services.consents_required(user=member) == []


def test_withdrawal_requires_consent_again(member, policy):
    current = PolicyVersion.objects.get(policy=policy)
    _accept(member, current)
    services.consent_withdraw(user=member, policy=policy, channel="web")
    assert services.consents_required(user=member) == [current]
    with pytest.raises(Conflict):
        services.consent_withdraw(user=member, policy=policy, channel="web")


def test_accepting_anything_but_the_current_version_conflicts(member, policy):
    old = PolicyVersion.objects.get(policy=policy)
    _publish(policy, material=False)
    with pytest.raises(Conflict) as raised:
        _accept(member, old)
    assert raised.value.code == "stale_version"


def test_policy_current_versions_maps_slug_to_latest(policy):
    latest = _publish(policy, material=False)
    assert services.policy_current_versions() == {"privacy": latest}


def test_purpose_consents_follow_the_latest_choice(member):
    assert services.purpose_consents(user=member)["marketing_email"] is False
    services.purpose_consent_set(
        user=member, purpose="marketing_email", granted=True, channel="web"
    )
    services.purpose_consent_set(
        user=member,
        purpose="guardian",
        granted=True,
        channel="app",
        data={"guardian_name": "王", "contact": "13800000000", "confirmed": True},
    )
    services.purpose_consent_set(
        user=member, purpose="marketing_email", granted=False, channel="web"
    )
    assert services.purpose_consents(user=member) == {
        "marketing_email": False,
        "email_tracking": False,
        "personalised_recommendations": False,
        "guardian": True,
        "child_sensitive": False,
    }


def test_records_are_append_only(member, policy):
    record = _accept(member, PolicyVersion.objects.get(policy=policy))
    record.channel = "app"
    with pytest.raises(ImmutableRecordError):
        record.save()
    with pytest.raises(ImmutableRecordError):
        record.delete()
    with pytest.raises(ImmutableRecordError):
        ConsentRecord.objects.update(channel="app")
    with pytest.raises(ImmutableRecordError):
        ConsentRecord.objects.filter(pk=record.pk).delete()


def test_pseudonymising_keeps_the_records_without_the_member(member, policy):
    record = _accept(member, PolicyVersion.objects.get(policy=policy))
    assert services.consent_records_pseudonymise(user=member) == 1
    kept = ConsentRecord.objects.get(pk=record.pk)
    assert kept.user is None
    assert kept.subject_pseudonym == record.subject_pseudonym != ""


def test_deleting_a_member_keeps_their_records(member, policy):
    _accept(member, PolicyVersion.objects.get(policy=policy))
    member.delete()
    assert ConsentRecord.objects.get().user is None


@pytest.mark.parametrize(
    ("address", "kept"),
    [
        ("203.0.113.200", "203.0.113.0"),
        ("2001:db8:1234:5678::1", "2001:db8:1234::"),
        ("not an ip", None),
        ("", None),
    ],
)
def test_ip_addresses_are_truncated(address, kept):
    assert services.truncate_ip(address) == kept
