"""Who may call member endpoints.

``IsMember``: a signed-in, active account (session cookie + CSRF for browsers,
``X-Session-Token`` for apps). Anonymous callers get 401.
"""

from __future__ import annotations

from rest_framework.permissions import BasePermission


class IsMember(BasePermission):
    message = "Sign in to use this endpoint."

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.is_active)
