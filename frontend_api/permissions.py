"""Who may call member endpoints.

``IsMember``: a signed-in, active account (session cookie + CSRF for browsers,
``X-Session-Token`` for apps). Anonymous callers get 401.

It is also the consent gate: while a policy awaits the member's consent (a material
version they have not accepted, ``legal.selectors.consents_pending``), every write
(POST, PUT, PATCH, DELETE) of every view that uses ``IsMember`` answers 403
``consent_required`` with the ``pending_policies``; reads still work. Every member
endpoint, today's and tomorrow's, gets the gate by using ``IsMember`` (a test walks
the URLs under ``/api/v1/me/`` to hold us to it).

A view exempts the writes that must stay possible by naming their methods in
``consent_exempt_methods``: giving and withdrawing consents (policies and optional
purposes), privacy requests and cancelling the account — rights, not uses of the
platform. Signing out, ending sessions and changing the password are allauth's
endpoints under ``/api/v1/auth/`` and are never gated.
"""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission

from core.errors import PermissionDenied
from legal.selectors import consents_pending


class ConsentRequired(PermissionDenied):
    code = "consent_required"
    title = _("Consent required")


def consent_gate(request, view) -> None:
    """Raise ``ConsentRequired`` for a gated write while a policy awaits consent."""
    if request.method in SAFE_METHODS:
        return
    if request.method in getattr(view, "consent_exempt_methods", ()):
        return
    pending = consents_pending(user=request.user)
    if pending:
        listed = ", ".join(f"{item['policy']} {item['version']}" for item in pending)
        raise ConsentRequired(
            gettext("Accept the current policies first: {policies}.").format(
                policies=listed
            ),
            extra={"pending_policies": pending},
        )


class IsMember(BasePermission):
    message = _("Sign in to use this endpoint.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated and user.is_active):
            return False
        consent_gate(request, view)
        return True
