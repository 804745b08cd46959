"""Wagtail's users app with *Settings → Users* from ``members.accounts.admin``
(a member's e-mail and password are not editable there; changes are logged).
Named in ``INSTALLED_APPS`` in place of ``wagtail.users``; its own module, because
Django picks an app's default config only when ``apps.py`` holds one."""

from wagtail.users.apps import WagtailUsersAppConfig


class WagtailUsersConfig(WagtailUsersAppConfig):
    user_viewset = "members.accounts.admin.AccountViewSet"
