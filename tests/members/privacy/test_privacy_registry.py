"""The personal data registry covers every table that points at a user."""

import pytest
from django.apps import apps

from core import privacy
from members.privacy.services import member_data_export
from tests.factories.members import MemberFactory


def test_every_model_with_a_user_foreign_key_is_registered():
    missing = [
        model._meta.label
        for model in apps.get_models()
        if privacy.user_foreign_keys(model) and not privacy.is_registered(model)
    ]
    assert missing == [], (
        "Register these in their app's privacy.py (exporter + eraser): "
        + ", ".join(missing)
    )


def test_the_user_model_is_exported_first_and_erased_last():
    labels = [registration.label for registration in privacy.registrations()]
    assert labels[0] == "members.User"


@pytest.mark.django_db
def test_the_export_has_an_entry_for_every_registered_table():
    member = MemberFactory()
    export = member_data_export(user=member)
    assert set(export["data"]) == {r.label for r in privacy.registrations()}
    assert export["data"]["members.User"]["email"] == member.email
    assert export["data"]["account.EmailAddress"] == [
        {"email": member.email, "verified": True, "primary": True}
    ]
