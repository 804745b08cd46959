"""Who may edit policies: the "Legal" group the source, "Translators" translations.

Wagtail grants page permissions by position in the tree, and policies sit beside
the catalogue under each home page, so the tree alone cannot keep them to Legal.
``PolicyPagePermissionTester`` decides for policy pages by group instead:

* Chinese source: Legal edits and publishes; nobody else (but superusers).
* A translation: Translators edit it (and submit it for review), Legal edits and
  publishes it — a translation goes live like any policy change.
"""

from __future__ import annotations

from django.conf import settings
from wagtail.models import PagePermissionTester

LEGAL_GROUP = "Legal"
TRANSLATORS_GROUP = "Translators"
PRIVACY_OFFICER_GROUP = "Privacy Officer"

_EDITING = {"add", "change", "publish", "bulk_delete", "lock", "unlock"}


def user_group_names(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_legal_group_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._legal_group_names = cached
    return cached


def is_source_locale(page) -> bool:
    return page.locale.language_code == settings.LANGUAGE_CODE


def may_edit_policy(user, page) -> bool:
    if user.is_superuser:
        return True
    groups = user_group_names(user)
    if is_source_locale(page):
        return LEGAL_GROUP in groups
    return bool(groups & {LEGAL_GROUP, TRANSLATORS_GROUP})


def may_publish_policy(user, page) -> bool:
    return user.is_superuser or LEGAL_GROUP in user_group_names(user)


class PolicyPagePermissionTester(PagePermissionTester):
    """Page permissions for a policy, by group (see the module docstring)."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if not user.is_active or user.is_superuser:
            return
        granted = set()
        if may_edit_policy(user, page):
            granted.add("change")
        if may_publish_policy(user, page):
            granted |= {"publish", "lock", "unlock"}
        self.permissions = (self.permissions - _EDITING) | granted
