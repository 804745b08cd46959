"""``core.admin.RestrictedPermissionPolicy``: the refused actions are refused to
everyone, copying always; the rest is Django's model permissions."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

from cms.models import WebhookDelivery, WebhookEndpoint
from core.admin import RestrictedPermissionPolicy
from legal.models import ConsentRecord
from members.models import Consultation, Subscription
from tests.factories.members import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    return StaffFactory(is_superuser=True)


def test_a_superuser_cannot_take_a_refused_action(superuser):
    policy = RestrictedPermissionPolicy(WebhookEndpoint, refused=("add", "delete"))

    assert not policy.user_has_permission(superuser, "add")
    assert not policy.user_has_permission(superuser, "delete")
    assert policy.user_has_permission(superuser, "change")
    assert policy.user_has_permission(superuser, "view")
    assert not policy.user_has_any_permission(superuser, ["add", "delete"])
    assert policy.user_has_any_permission(superuser, ["add", "change"])


def test_copy_is_refused_even_when_not_named(superuser):
    policy = RestrictedPermissionPolicy(WebhookEndpoint, refused=("change",))

    assert not policy.user_has_permission(superuser, "copy")
    assert policy.user_has_permission(superuser, "add")


def test_the_default_refuses_add_delete_and_copy(superuser):
    policy = RestrictedPermissionPolicy(WebhookEndpoint)

    assert policy.refused == {"add", "delete", "copy"}
    assert not policy.user_has_permission_for_instance(superuser, "delete", None)


def test_allowed_actions_still_need_the_django_permission():
    staff = StaffFactory()
    policy = RestrictedPermissionPolicy(WebhookEndpoint, refused=("add",))
    assert not policy.user_has_permission(staff, "change")

    staff.user_permissions.add(
        Permission.objects.get(codename="change_webhookendpoint")
    )
    staff = type(staff).objects.get(pk=staff.pk)  # drop the permission cache
    assert policy.user_has_permission(staff, "change")
    assert staff in policy.users_with_permission("change")
    assert not policy.users_with_permission("add").exists()
    assert not policy.users_with_any_permission(["add", "copy"]).exists()


@pytest.mark.parametrize(
    ("model", "refused"),
    [
        (ConsentRecord, {"add", "change", "delete", "copy"}),
        (WebhookDelivery, {"add", "change", "copy"}),
        (Consultation, {"add", "delete", "copy"}),
        (Subscription, {"add", "change", "delete", "copy"}),
    ],
)
def test_the_admin_registers_the_one_policy_for_system_made_rows(model, refused):
    # The members' viewsets register their policies when the admin URLs load; a
    # lookup before that would make Wagtail's fallback policy instead.
    reverse("wagtailadmin_home")
    policy = policy_registry.get_by_type(model)

    assert isinstance(policy, RestrictedPermissionPolicy)
    assert isinstance(policy, ModelPermissionPolicy)
    assert policy.refused == refused
