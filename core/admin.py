"""What the Wagtail admin may do with rows the system writes.

Consent records, webhook deliveries, consultations and subscriptions are made by
visitors, members or the system, never typed in by staff: their viewsets register
a ``RestrictedPermissionPolicy`` naming the actions nobody may take on them, even a
superuser. Copying is always refused (a copy would be a row nobody made); Wagtail's
copy view asks for ``add``, which is refused too unless a caller keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy

DEFAULT_REFUSED = ("add", "delete", "copy")


class RestrictedPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, minus the ``refused`` actions (plus ``copy``).

    ``register_permission_policy(Model, RestrictedPermissionPolicy(Model,
    refused=("add", "change", "delete")))`` makes ``Model`` read-only in the admin.
    """

    def __init__(
        self,
        model,
        *,
        refused: Iterable[str] = DEFAULT_REFUSED,
        auth_model=None,
    ) -> None:
        super().__init__(model, auth_model=auth_model)
        self.refused = frozenset(refused) | {"copy"}

    def user_has_permission(self, user, action):
        if action in self.refused:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        allowed = [action for action in actions if action not in self.refused]
        if not allowed:
            return get_user_model().objects.none()
        return super().users_with_any_permission(allowed)
