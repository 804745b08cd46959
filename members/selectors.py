"""Reads of a member's own data; every query is scoped to the requesting user."""

from __future__ import annotations

from django.db.models import QuerySet

from cms.errors import NotFound
from members.models import PrivacyRequest, User


def member_profile_get(*, user: User) -> User:
    """The member with their customer service (one query)."""
    return User.objects.select_related("customer_service").get(pk=user.pk)


def privacy_requests_of(*, user: User) -> QuerySet[PrivacyRequest]:
    return PrivacyRequest.objects.filter(user=user).order_by("-created_at", "-pk")


def privacy_request_get(*, user: User, pk: int) -> PrivacyRequest:
    """One of the member's requests; another member's is ``NotFound`` (404)."""
    request = privacy_requests_of(user=user).filter(pk=pk).first()
    if request is None:
        raise NotFound("No such privacy request.")
    return request
