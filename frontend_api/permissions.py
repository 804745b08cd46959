"""Who may call member endpoints.

``IsMember``: a signed-in, active account (session cookie + CSRF for browsers,
``X-Session-Token`` for apps). Anonymous callers get 401.

It is also the consent gate: while a policy awaits the member's consent (a material
version they have not accepted, one they withdrew, or none given yet:
``legal.selectors.consents_pending``), a write that *collects something new* (a
favorite, a request, a consultation message, a subscription, a profile field filled
for the first time) answers 403 ``consent_required`` with the ``pending_policies``.
The member's rights are never gated: reading, correcting, deleting, exporting,
withdrawing, unsubscribing, privacy requests and cancelling (PIPL art. 44-47; the
policy promises them in every state).

Writes are gated unless the view names their method in ``consent_exempt_methods``
(fail closed: a new endpoint is gated until someone decides it is a right). A view
whose one method is sometimes a right and sometimes new collection (``PATCH /me/``
correcting vs. adding, ``PUT /me/subscriptions/`` unsubscribing vs. subscribing)
exempts the method and calls ``consent_require`` for the collecting case. The test
``tests/frontend_api/test_rights_matrix.py`` walks every ``/api/v1/me/`` operation of
the schema in every consent state and fails for one missing from its matrix.
Signing out, ending sessions and changing the password are allauth's endpoints under
``/api/v1/auth/`` and are never gated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from core.errors import PermissionDenied
from legal.selectors import consents_pending

if TYPE_CHECKING:
    from members.accounts.models import User


class ConsentRequired(PermissionDenied):
    code = "consent_required"
    title = _("Consent required")


def consent_gate(request, view) -> None:
    """Raise ``ConsentRequired`` for a gated write while a policy awaits consent."""
    if request.method in SAFE_METHODS:
        return
    if request.method in getattr(view, "consent_exempt_methods", ()):
        return
    consent_require(request)


def consent_require(request) -> None:
    """Raise ``ConsentRequired`` while a policy awaits the member's consent: for
    the collecting case of an exempt method (see the module docstring)."""
    pending = consents_pending(user=request.user)
    if pending:
        listed = ", ".join(f"{item['policy']} {item['version']}" for item in pending)
        raise ConsentRequired(
            gettext("Accept the current policies first: {policies}.").format(
                policies=listed
            ),
            extra={"pending_policies": pending},
        )


class MemberRequest(Request):
    """For type checking only: the request a view guarded by ``IsMember`` handles.

    DRF types ``request.user`` as ``User | AnonymousUser``; ``IsMember`` has already
    refused anonymous and inactive callers, so member views annotate their handlers'
    ``request: MemberRequest``. Never instantiated: at run time it is DRF's
    ``Request``."""

    user: User


class IsMember(BasePermission):
    message = _("Sign in to use this endpoint.")

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated and user.is_active):
            return False
        consent_gate(request, view)
        return True
