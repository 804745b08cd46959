"""Cancelling an account keeps its consent records — the proof of consent —
pseudonymised, and frees the e-mail and phone to sign up again with new consents."""

import pytest
from django.core.cache import cache
from django.test import Client

from legal.models import ConsentRecord
from legal.selectors import purpose_granted
from members.accounts.services import member_cancel
from members.models import User
from tests.factories.members import PASSWORD
from tests.legal import conftest as legal_fixtures

pytestmark = pytest.mark.django_db

policy = legal_fixtures.policy

SIGNUP = "/api/v1/auth/browser/v1/auth/signup"
EMAIL, PHONE = "again@example.com", "+8613800138000"


def sign_up(capture):
    with capture(execute=True):
        response = Client().post(
            SIGNUP,
            {
                "email": EMAIL,
                "phone": PHONE,
                "password": PASSWORD,
                "age_group": "under_14",
                "guardian_name": "张家长",
                "guardian_contact": "+8613900139000",
                "guardian_consent": True,
                "sensitive_data_consent": True,
                "accepted_policies": [{"policy": "privacy", "version": "2024-03-01"}],
                "purposes": ["marketing_email"],
            },
            content_type="application/json",
        )
    assert response.status_code == 401, response.content
    return User.objects.get(email=EMAIL, is_active=True)


def test_cancellation_pseudonymises_the_consent_records(
    policy, django_capture_on_commit_callbacks
):
    member = sign_up(django_capture_on_commit_callbacks)
    records = list(ConsentRecord.objects.filter(user=member).order_by("id"))
    assert len(records) == 4  # policy, guardian, child-sensitive, marketing e-mail
    pseudonyms = {r.pk: r.subject_pseudonym for r in records}

    with django_capture_on_commit_callbacks(execute=True):
        member_cancel(user=member, password=PASSWORD)

    kept = ConsentRecord.objects.filter(pk__in=pseudonyms).order_by("id")
    assert kept.count() == 4
    for record in kept:
        assert record.user_id is None
        assert record.subject_pseudonym == pseudonyms[record.pk] != ""
    assert purpose_granted(member, "marketing_email") is False


def test_the_email_and_phone_sign_up_again_with_their_own_consents(
    policy, django_capture_on_commit_callbacks
):
    old = sign_up(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        member_cancel(user=old, password=PASSWORD)
    cache.clear()  # the phone's code-sending rate limit is not what this is about

    new = sign_up(django_capture_on_commit_callbacks)
    assert new.pk != old.pk and new.phone == PHONE
    assert ConsentRecord.objects.filter(user=new).count() == 4
    assert ConsentRecord.objects.filter(user__isnull=True).count() == 4
    new_pseudonym = ConsentRecord.objects.filter(user=new).first().subject_pseudonym
    assert not ConsentRecord.objects.filter(
        user__isnull=True, subject_pseudonym=new_pseudonym
    ).exists()
