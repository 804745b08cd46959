"""django-allauth adapters: phone numbers on our user model, queued e-mail, and the
user payload of the headless API.

Phone: allauth's phone support needs the adapter to store and find numbers; ours live
in ``User.phone`` (E.164, unique when given) with ``User.phone_verified``. Codes go
out by SMS from a task (``identities.sms_code_send``); a password opens an account
by phone only once that phone is verified.

E-mail: rendered in the member's language (``preferred_language``, set at sign-up
from the request's), links carry the frontend's language prefix.

WeChat web login (allauth ``weixin``) follows the mini-program's binding rules
(``SocialAccountAdapter``).
"""

from __future__ import annotations

import dataclasses
import logging
from types import SimpleNamespace
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.headless.adapter import DefaultHeadlessAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base.constants import AuthError, AuthProcess
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from legal.selectors import consents_pending
from members.mail import email_queue

from .identities import sms_code_send, wechat_user_by_unionid
from .models import User
from .phones import phone_normalize
from .wechat_web.views import WeChatWebError

logger = logging.getLogger(__name__)


class MemberPhoneField(forms.CharField):
    """A mobile number: mainland by default, ``+country code`` for others."""

    def clean(self, value: Any) -> str:
        value = super().clean(value)
        return phone_normalize(value) if value else value


class AccountAdapter(DefaultAccountAdapter):
    def phone_form_field(self, **kwargs: Any) -> forms.Field:
        kwargs.setdefault("max_length", 32)
        return MemberPhoneField(**kwargs)

    def clean_phone(self, phone: str) -> str:
        try:
            return phone_normalize(phone)
        except ValidationError as exc:
            raise forms.ValidationError(exc.messages[0], code="invalid_phone") from exc

    def set_phone(self, user: User, phone: str, verified: bool) -> None:
        user.phone = phone or None
        user.phone_verified = bool(phone) and verified
        user.save(update_fields=["phone", "phone_verified"])

    def get_phone(self, user: User) -> tuple[str, bool] | None:
        if not user.phone:
            return None
        return user.phone, user.phone_verified

    def set_phone_verified(self, user: User, phone: str) -> None:
        """The code confirmed ``phone``: it is the member's, verified — at sign-up
        the number they gave, on a change the new one (``PATCH /api/v1/me/`` and
        ``…/account/phone`` keep the old number until now). allauth checked just
        before that no other account holds it; one that took it meanwhile keeps it."""
        try:
            with transaction.atomic():
                User.objects.filter(pk=user.pk).update(phone=phone, phone_verified=True)
        except IntegrityError:
            logger.warning("A verified number was taken meanwhile (user %s).", user.pk)
            return
        user.phone, user.phone_verified = phone, True

    def get_user_by_phone(self, phone: str) -> User | None:
        try:
            phone = phone_normalize(phone)
        except ValidationError:
            return None
        return User.objects.filter(phone=phone, is_active=True).first()

    def _get_login_attempts_cache_key(self, request, **credentials: Any) -> str:
        """allauth keys failed logins by e-mail or username only, so every login
        by phone would share one key and five wrong phone passwords from anyone
        would lock out all phone logins. Key phone logins by the number."""
        phone = credentials.get("phone")
        if phone and not credentials.get("email"):
            try:
                phone = phone_normalize(phone)
            except ValidationError:
                pass
            return super()._get_login_attempts_cache_key(
                request, email=f"phone:{phone}"
            )
        return super()._get_login_attempts_cache_key(request, **credentials)

    def send_verification_code_sms(
        self, user: User, phone: str, code: str, **kwargs: Any
    ) -> None:
        """Queue the code (the task gets the ``OutgoingSms`` id only)."""
        minutes = max(1, settings.SMS_CODE_TIMEOUT // 60)
        sms_code_send(user=user, phone=phone, code=code, minutes=minutes)

    def authenticate(self, request, **credentials: Any):
        """A password opens an account by phone only once the phone is verified;
        otherwise the answer is the one for a wrong password (no enumeration)."""
        user = super().authenticate(request, **credentials)
        if (
            user is not None
            and credentials.get("phone")
            and not credentials.get("email")
            and not getattr(user, "phone_verified", False)
        ):
            self.authentication_failed(request, **credentials)
            return None
        return user

    def save_user(self, request, user, form, commit=True):
        """A new member's mail and texts go out in the language they signed up in."""
        language = translation.get_language()
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        return super().save_user(request, user, form, commit=commit)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render now (allauth's templates) in the member's language, with the
        frontend's language prefix in links; send from a task after commit."""
        request = allauth_context.request
        language = mail_language(email, context.get("user"))
        site = SimpleNamespace(
            name=settings.WAGTAIL_SITE_NAME,
            domain=request.get_host() if request is not None else "",
        )
        ctx = {"request": request, "email": email, "current_site": site, **context}
        for name, value in list(ctx.items()):
            if isinstance(value, str):
                ctx[name] = with_language_prefix(value, language)
        with translation.override(language):
            message = self.render_mail(template_prefix, email, ctx)
        user = context.get("user")
        email_queue(
            to=list(message.to),
            subject=str(message.subject),
            body=str(message.body),
            user=user if isinstance(user, User) else None,
        )


def mail_language(email: str, user: Any = None) -> str:
    """The member's preferred language; for an address without an account, the
    request's (the frontend's)."""
    if user is None or not getattr(user, "pk", None):
        user = User.objects.filter(email__iexact=email).first()
    language = getattr(user, "preferred_language", "") or translation.get_language()
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def with_language_prefix(url: str, language: str) -> str:
    """``{FRONTEND_URL}/account/…`` → ``{FRONTEND_URL}/{language}/account/…``."""
    base = settings.FRONTEND_URL.rstrip("/") + "/"
    if url.startswith(base + "account/"):
        return f"{base}{language}/{url[len(base) :]}"
    return url


class HeadlessAdapter(DefaultHeadlessAdapter):
    """Adds the member's phone, display name and the policies awaiting their
    consent to allauth's user payload (the session response and every other
    response that carries the user)."""

    def get_user_dataclass(self):
        base = super().get_user_dataclass()
        extra = [
            (
                "phone",
                str | None,
                dataclasses.field(
                    default=None,
                    metadata={
                        "description": "Mobile, E.164.",
                        "example": "+8613812345678",
                    },
                ),
            ),
            (
                "display_name",
                str | None,
                dataclasses.field(
                    default=None,
                    metadata={"description": "Display name.", "example": "王经理"},
                ),
            ),
            (
                "consent_required",
                list,
                dataclasses.field(
                    default_factory=list,
                    metadata={
                        "description": "Policies awaiting the member's consent: "
                        "[{policy, version, title, effective_date, change_summary}]. "
                        "While not empty, show the policy pop-up with what changed; "
                        "new collection (favorites, requests, subscriptions …) "
                        "answers 403 consent_required until the member accepts "
                        "(POST /api/v1/me/consents/); the member's rights never do.",
                        "example": [
                            {
                                "policy": "privacy",
                                "version": "2024-03-01",
                                "title": "法律声明及隐私政策",
                                "effective_date": "2024-03-01",
                                "change_summary": "新增未成年人保护条款。",
                            }
                        ],
                    },
                ),
            ),
        ]
        return dataclasses.make_dataclass("User", extra, bases=(base,))

    def user_as_dataclass(self, user: User):
        base = super().user_as_dataclass(user)
        values = dataclasses.asdict(base)
        values["phone"] = getattr(user, "phone", None)
        values["display_name"] = getattr(user, "display_name", None)
        values["consent_required"] = (
            consents_pending(user=user) if user.pk and user.is_active else []
        )
        return self.get_user_dataclass()(**values)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """WeChat web login (allauth ``weixin``) follows the mini-program's binding
    rules: an unknown openid whose unionid is bound belongs to that member (it
    logs in and is bound on the spot); connecting one whose unionid another member
    holds is refused. Refusals reach the frontend as ``?error=<code>``."""

    def pre_social_login(self, request, sociallogin) -> None:
        if sociallogin.is_existing or sociallogin.account.provider != "weixin":
            return
        unionid = (sociallogin.account.extra_data or {}).get("unionid")
        user = wechat_user_by_unionid(unionid) if unionid else None
        if user is None:
            return
        if sociallogin.state.get("process") == AuthProcess.CONNECT:
            if user != request.user:
                raise self.validation_error("connected_other")
            return
        sociallogin.connect(request, user)

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ) -> None:
        """Tell the frontend what went wrong with WeChat rather than ``unknown``:
        ``invalid_state`` (a forged, replayed or foreign ``state``),
        ``cancelled`` (the user declined: WeChat comes back without a code),
        or the WeChat problem code (``wechat_invalid_code``, ``wechat_code_used``,
        ``wechat_rate_limited``, ``wechat_user_blocked``, ``wechat_unavailable``)."""
        extra_context = extra_context or {}
        if provider is None or provider.id != "weixin" or not settings.HEADLESS_ONLY:
            return
        from allauth.headless.socialaccount import internal

        code = error
        if "state_id" in extra_context and extra_context.get("state") is None:
            code = "invalid_state"  # allauth found no state of ours for it
        elif isinstance(exception, WeChatWebError):
            code = exception.code
        elif error == AuthError.UNKNOWN and not request.GET.get("error"):
            if "code" not in request.GET:
                code = AuthError.CANCELLED
        logger.info("WeChat web login failed: %s", code)
        internal.on_authentication_error(
            request,
            provider=provider,
            error=code,
            exception=exception,
            extra_context=extra_context,
        )
