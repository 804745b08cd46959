"""The rights of access and of cancellation, driven by the personal data registry.

* ``member_data_export`` — everything the registry's exporters return, keyed by table.
* ``member_cancel`` — re-verifies the password, signs out every session, and runs every
  eraser: rows go, files go, what must be kept is anonymised (consent records keep a
  pseudonym). The e-mail and phone are freed, so they can register again.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from core.errors import PermissionDenied
from members import privacy
from members.models import User

from .avatars import avatar_files_delete
from .mail import mail_queue

ERASED_LABEL = "erased member"


def member_cache_keys(user: User) -> list[str]:
    """Cache keys that may hold the member's data (cleared on cancellation)."""
    return [f"members:user:{user.pk}", f"members:export:{user.pk}"]


def member_data_export(*, user: User) -> dict[str, Any]:
    """The member's personal data as JSON: one entry per registered table."""
    return {
        "generated_at": timezone.now().isoformat(),
        "user_id": user.pk,
        "data": {reg.label: reg.exporter(user) for reg in privacy.registrations()},
    }


def member_sessions_end(*, user: User, request: HttpRequest | None = None) -> int:
    """End every signed-in session and device of ``user`` (browser and app)."""
    from allauth.usersessions.models import UserSession

    sessions = list(UserSession.objects.filter(user=user))
    for session in sessions:
        session.end()
    if request is not None and hasattr(request, "session"):
        request.session.flush()
    return len(sessions)


def member_cancel(
    *, user: User, password: str, request: HttpRequest | None = None
) -> None:
    """Cancel the account of ``user`` after checking ``password``.

    A wrong password raises ``PermissionDenied`` (403) and nothing changes. The
    confirmation e-mail is rendered to the old address first and sent after commit.
    """
    if not user.is_active or not user.check_password(password or ""):
        raise PermissionDenied(
            "The password is not correct.", code="password_incorrect"
        )
    if user.is_staff or user.is_superuser:
        raise PermissionDenied(
            "Staff accounts are closed by an administrator in the admin.",
            code="staff_account",
        )
    with transaction.atomic():
        mail_queue(
            to=user.email,
            template="account_cancelled",
            context={},
            language=user.preferred_language,
        )
        member_sessions_end(user=user, request=request)
        # The user row is anonymised last: other erasers still find rows by it.
        for registration in reversed(privacy.registrations()):
            registration.eraser(user)
    cache.delete_many(member_cache_keys(user))


# --- the user model's own exporter and eraser ------------------------------------

PROFILE_FIELDS = (
    "email",
    "display_name",
    "first_name",
    "last_name",
    "phone",
    "phone_verified",
    "wechat_id",
    "qq",
    "contact_address",
    "company_name",
    "company_address",
    "position",
    "preferred_language",
    "is_minor",
    "date_joined",
    "last_login",
)


def user_profile_export(user: User) -> dict[str, Any]:
    data = {name: privacy._value(getattr(user, name)) for name in PROFILE_FIELDS}
    data["customer_service"] = (
        str(user.customer_service) if user.customer_service_id else None
    )
    data["avatar"] = user.avatar.url if user.avatar else None
    return data


def user_anonymise(user: User) -> None:
    """Erase the profile, free the e-mail and phone, deactivate; keep the row (its
    id is the pseudonym other kept records point at)."""
    avatar_files_delete(user=user)
    user.email = f"erased-{uuid.uuid4().hex}@erased.invalid"
    user.phone = None
    user.phone_verified = False
    for name in (
        "first_name",
        "last_name",
        "display_name",
        "wechat_id",
        "qq",
        "contact_address",
        "company_name",
        "company_address",
        "position",
    ):
        setattr(user, name, "")
    user.customer_service = None
    user.is_active = False
    user.cancelled_at = timezone.now()
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    _forget_logged_names(user)


def _forget_logged_names(user: User) -> None:
    """Audit logs about the user's row (staff edits) name it by ``str(user)``."""
    content_type = ContentType.objects.get_for_model(User)
    ModelLogEntry.objects.filter(
        content_type=content_type, object_id=str(user.pk)
    ).update(label=ERASED_LABEL, data={})
    LogEntry.objects.filter(content_type=content_type, object_id=str(user.pk)).update(
        object_repr=ERASED_LABEL, change_message=""
    )
