"""Staff accounts in the admin: they start in Chinese, and a name is optional.

Lubpur's staff work in Shanghai: a new staff account's admin language is
``LANGUAGE_CODE`` (zh-hans) whatever the browser asks for, until the person picks
another in *Account → Preferences*. Wagtail's *Name and Email* account form requires
first and last name, so an account without them (``ensure_admin``'s, one made by
``createsuperuser``) could not save any of its settings, the language included:
the names are optional here.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail import hooks
from wagtail.admin.forms.account import NameEmailForm
from wagtail.users.models import UserProfile

from .models import User

for _name in ("first_name", "last_name"):
    NameEmailForm.base_fields[_name].required = False


def staff_language_default(user: User) -> None:
    """Give a staff account the admin's default language unless it chose one."""
    profile = UserProfile.get_for_user(user)
    if not profile.preferred_language:
        profile.preferred_language = settings.LANGUAGE_CODE
        profile.save(update_fields=["preferred_language"])


@receiver(post_save, sender=User, dispatch_uid="members_staff_language_default")
def _new_staff_account(sender, instance: User, created: bool, raw=False, **kwargs):
    if created and not raw and (instance.is_staff or instance.is_superuser):
        staff_language_default(instance)


@hooks.register("after_create_user")
def _user_added_in_the_admin(request, user):
    """Accounts added under *Settings → Users* are staff accounts (``is_staff``:
    not listed among members, and their credentials stay editable by superusers,
    ``members.accounts.admin.credentials_editable``)."""
    if not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    staff_language_default(user)
