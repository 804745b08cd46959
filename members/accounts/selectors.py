"""Reads of a member's own account; scoped to the requesting user."""

from __future__ import annotations

from .models import User


def member_profile_get(*, user: User) -> User:
    """The member with their customer service (one query)."""
    return User.objects.select_related("customer_service").get(pk=user.pk)
