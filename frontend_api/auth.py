"""Our rules around allauth's headless API (``/api/v1/auth/``), as one middleware.

* **Sign-up is atomic.** allauth saves the user, then our sign-up form's ``signup``
  writes the consent records, then the e-mail address; the view runs in one
  transaction so a failure leaves nothing half-written (mail is queued on commit),
  and a domain error there (a policy version published meanwhile) is its problem
  response (409 ``stale_version``).
* **Rate limits answer 429.** allauth refuses a rate-limited action with a bare
  ``{"status": 429}`` and a failed-login lockout with a 400
  ``too_many_login_attempts``. Both become a 429 RFC 7807 problem (``code:
  throttled``) with ``Retry-After`` from allauth's own attempt history
  (``members.accounts.ratelimits``). The body is the same whether or not the e-mail
  or phone is registered (allauth counts attempts for unknown names too).
* **Phone numbers are read as people type them** (``13812345678``,
  ``138 1234 5678``, ``+86 138…``, ``0086…``): a ``phone`` in a JSON body is
  rewritten to E.164 before allauth, which accepts E.164 only, sees it.
* **Rate-limited SMS answer 429**, not 500: allauth raises ``RateLimited`` from
  phone code sends (sign-up, login by code, phone change) without catching it.
* **E-mail verification keys are rate limited** per IP (``verify_email_key`` in
  ``ACCOUNT_RATE_LIMITS``); allauth checks them unlimited.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.core.exceptions import ImmediateHttpResponse, RateLimited
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse

from core.errors import ApplicationError
from members.accounts.phones import phone_normalize
from members.accounts.ratelimits import action_window, consume, retry_after

from .errors import PROBLEM_CONTENT_TYPE, problem, problem_response

PREFIX = "/api/v1/auth/"
VERIFY_EMAIL_KEY_ACTION = "verify_email_key"
LOCKOUT_CODE = "too_many_login_attempts"


def _body(request: HttpRequest) -> dict[str, Any]:
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _text(data: dict[str, Any], name: str) -> str | None:
    value = data.get(name)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _login_actions(request: HttpRequest, data: dict) -> list[tuple[str, str | None]]:
    email, phone = _text(data, "email"), _text(data, "phone")
    credentials = {"email": email} if email else {"phone": phone} if phone else {}
    login_key = (
        # The key allauth's adapter counted the failures under (ours adds phones).
        get_account_adapter()._get_login_attempts_cache_key(request, **credentials)
        if credentials
        else None
    )
    return [
        ("login", None),
        ("login_failed", login_key),
        ("confirm_email", email.lower() if email else None),
    ]


def _email_key(action: str) -> Callable[[HttpRequest, dict], list]:
    def actions(request: HttpRequest, data: dict) -> list[tuple[str, str | None]]:
        email = _text(data, "email")
        return [(action, email.lower() if email else None)]

    return actions


def _plain(*names: str) -> Callable[[HttpRequest, dict], list]:
    return lambda request, data: [(name, None) for name in names]


def _login_code_keys(request: HttpRequest, data: dict) -> list[tuple[str, str | None]]:
    email, phone = _text(data, "email"), _text(data, "phone")
    key = email.lower() if email else phone
    return [("request_login_code", key), ("verify_phone", phone)]


# allauth's URL name → the rate-limit actions (and keys) a refusal there comes from.
ACTIONS: dict[str, Callable[[HttpRequest, dict], list[tuple[str, str | None]]]] = {
    "login": _login_actions,
    "signup": _plain("signup"),
    "request_password_reset": _email_key("reset_password"),
    "reset_password": _plain("reset_password_from_key"),
    "change_password": _plain("change_password"),
    "reauthenticate": _plain("reauthenticate"),
    "manage_email": _plain("manage_email"),
    "manage_phone": _plain("change_phone"),
    "verify_email": _plain(VERIFY_EMAIL_KEY_ACTION),
    "request_login_code": _login_code_keys,
    "verify_phone": _plain("verify_phone"),
    "resend_phone_verification_code": _plain("verify_phone"),
}


def _is_lockout(response: HttpResponse) -> bool:
    if response.status_code != 400 or "json" not in response.get("Content-Type", ""):
        return False
    try:
        errors = json.loads(response.content).get("errors") or []
    except (ValueError, AttributeError):
        return False
    return any(isinstance(e, dict) and e.get("code") == LOCKOUT_CODE for e in errors)


def _retry_after(request: HttpRequest) -> int:
    match = request.resolver_match
    actions = ACTIONS.get((match.url_name if match else None) or "", _plain())
    candidates = actions(request, _body(request))
    user = request.user if request.user.is_authenticated else None
    waits = [
        retry_after(request, action=action, key=key, user=user)
        for action, key in candidates
    ]
    known = [wait for wait in waits if wait is not None]
    if known:
        return max(known)
    # The history is gone or unreadable: the longest window is always enough.
    return max((action_window(action) for action, _ in candidates), default=60) or 60


def _normalise_phone(request: HttpRequest) -> None:
    if request.method not in ("POST", "PUT", "PATCH"):
        return
    if "json" not in (request.content_type or ""):
        return
    data = _body(request)
    phone = data.get("phone")
    if not isinstance(phone, str) or not phone.strip():
        return
    try:
        data["phone"] = phone_normalize(phone)
    except ValidationError:
        return  # allauth answers invalid_phone
    request._body = json.dumps(data).encode()  # allauth parses request.body again


def too_many_requests(request: HttpRequest) -> JsonResponse:
    seconds = _retry_after(request)
    response = JsonResponse(
        problem(
            429,
            code="throttled",
            detail=f"Too many attempts. Try again in {seconds} seconds.",
            retry_after=seconds,
        ),
        status=429,
        content_type=PROBLEM_CONTENT_TYPE,
    )
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


class AuthApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        already_problem = PROBLEM_CONTENT_TYPE in response.get("Content-Type", "")
        if (
            request.path.startswith(PREFIX)
            and not already_problem
            and (response.status_code == 429 or _is_lockout(response))
        ):
            return too_many_requests(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception):
        if request.path.startswith(PREFIX) and isinstance(exception, RateLimited):
            return too_many_requests(request)
        return None

    def process_view(self, request: HttpRequest, view_func, args, kwargs):
        match = request.resolver_match
        if not request.path.startswith(PREFIX) or match is None:
            return None
        _normalise_phone(request)
        if match.url_name == "verify_email" and request.method in ("GET", "POST"):
            if not consume(request, action=VERIFY_EMAIL_KEY_ACTION):
                return too_many_requests(request)
        if match.url_name == "signup" and request.method == "POST":
            return self._atomic(request, view_func, args, kwargs)
        return None

    @staticmethod
    def _atomic(request: HttpRequest, view_func, args, kwargs) -> HttpResponse:
        with transaction.atomic():
            try:
                response = view_func(request, *args, **kwargs)
            except ImmediateHttpResponse as exc:
                transaction.set_rollback(True)
                return exc.response
            except RateLimited:
                # The phone code send of a sign-up: Django hands exceptions raised
                # here (process_view) to no process_exception, so map it ourselves.
                transaction.set_rollback(True)
                return too_many_requests(request)
            except ApplicationError as exc:
                # e.g. a policy version published between validation and saving:
                # 409 stale_version, and no account.
                transaction.set_rollback(True)
                return problem_response(exc.status, exc.code, exc.detail)
            if response.status_code >= 500:
                transaction.set_rollback(True)
        return response
