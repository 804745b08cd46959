"""Reads of a member's own privacy requests; scoped to the requesting user."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext

from core.errors import NotFound
from members.accounts.models import User

from .models import PrivacyRequest


def privacy_requests_of(*, user: User) -> QuerySet[PrivacyRequest]:
    return PrivacyRequest.objects.filter(user=user).order_by("-created_at", "-pk")


def privacy_request_get(*, user: User, pk: int) -> PrivacyRequest:
    """One of the member's requests; another member's is ``NotFound`` (404)."""
    request = privacy_requests_of(user=user).filter(pk=pk).first()
    if request is None:
        raise NotFound(gettext("No such privacy request."))
    return request
