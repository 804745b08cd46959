"""Phone and WeChat identities: SMS codes through the task queue (``tasks.sms_send``
gets the ``OutgoingSms`` id), the mini-program login, the phone WeChat verified,
and the binding of WeChat identities (allauth ``SocialAccount`` rows).

Binding rules, the same for the web (allauth ``weixin``) and the mini-program: an
identity belongs to the member who bound it; an unknown mini-program openid whose
unionid is bound (web or mini-program) belongs to that member too, and is bound on
the spot; anything else gets a short-lived signed binding ticket, with which the
member signs up or logs in and then binds (``wechat_identity_bind``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from allauth.socialaccount.models import SocialAccount
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import wechat
from core.errors import ApplicationError, Conflict, NotFound, ValidationFailed

from .models import OutgoingSms, User
from .tasks import sms_send
from .wechat_miniprogram.provider import PROVIDER_ID as MINIPROGRAM

logger = logging.getLogger(__name__)

WEB = "weixin"
WECHAT_PROVIDERS = (WEB, MINIPROGRAM)
TICKET_SALT = "members.wechat.binding"


# --- SMS ------------------------------------------------------------------------


def sms_queue(
    *, user: User | None, phone: str, purpose: str, params: dict[str, Any]
) -> int:
    """Queue the template ``purpose`` to ``phone``, in the member's language; the
    task gets the row id only, never the number or the parameters."""
    language = (
        user.preferred_language if user is not None else translation.get_language()
    ) or settings.LANGUAGE_CODE
    row = OutgoingSms.objects.create(
        user=user, phone=phone, purpose=purpose, params=params, language=language
    )
    transaction.on_commit(lambda: sms_send.enqueue(sms_id=row.pk))
    return row.pk


def sms_code_send(*, user: User | None, phone: str, code: str, minutes: int) -> int:
    """Queue a verification code to ``phone``."""
    return sms_queue(
        user=user,
        phone=phone,
        purpose="verification_code",
        params={"code": code, "minutes": minutes},
    )


# --- WeChat ---------------------------------------------------------------------


class WeChatProblem(ApplicationError):
    """WeChat refused or failed; the code says which (``wechat_invalid_code`` …)."""

    status = 400
    code = "wechat_error"
    title = gettext_lazy("WeChat error")


class WeChatThrottled(WeChatProblem):
    status = 429
    code = "wechat_rate_limited"
    title = gettext_lazy("Too many requests")


class WeChatUnavailable(WeChatProblem):
    status = 503
    code = "wechat_unavailable"
    title = gettext_lazy("WeChat unavailable")


def wechat_problem(exc: wechat.WeChatError) -> ApplicationError:
    """WeChat's typed errors as our problems (the mapping the API shows)."""
    if isinstance(exc, wechat.WeChatCodeUsed):
        return WeChatProblem(
            _("This WeChat code was already used."), code="wechat_code_used"
        )
    if isinstance(exc, wechat.WeChatInvalidCode):
        return WeChatProblem(
            _("The WeChat code is invalid or expired."), code="wechat_invalid_code"
        )
    if isinstance(exc, wechat.WeChatRateLimited):
        return WeChatThrottled(
            _("WeChat is rate limiting us; try again in a minute."),
            extra={"retry_after": 60},
        )
    if isinstance(exc, wechat.WeChatUserBlocked):
        return WeChatProblem(
            _("WeChat does not allow this account to log in here."),
            code="wechat_user_blocked",
        )
    if isinstance(exc, wechat.WeChatBusy | wechat.WeChatUnavailable):
        return WeChatUnavailable(_("WeChat is busy; try again shortly."))
    logger.error("WeChat error %s: %s", exc.errcode, exc.errmsg)
    return WeChatUnavailable(_("WeChat login is not available right now."))


@dataclass(frozen=True)
class WeChatLogin:
    """The member the WeChat identity is bound to, or a ticket to bind it."""

    user: User | None
    ticket: str | None
    unionid_known: bool = False


def _identity_user(*, openid: str, unionid: str | None) -> User | None:
    account = (
        SocialAccount.objects.select_related("user")
        .filter(provider=MINIPROGRAM, uid=openid)
        .first()
    )
    if account is None and unionid:
        account = (
            SocialAccount.objects.select_related("user")
            .filter(provider__in=WECHAT_PROVIDERS, extra_data__unionid=unionid)
            .first()
        )
    if account is None or not account.user.is_active:
        return None
    return account.user


def wechat_user_by_unionid(unionid: str) -> User | None:
    """The active member one of whose WeChat bindings carries ``unionid``."""
    account = (
        SocialAccount.objects.select_related("user")
        .filter(provider__in=WECHAT_PROVIDERS, extra_data__unionid=unionid)
        .first()
    )
    return account.user if account is not None and account.user.is_active else None


def wechat_miniprogram_login(*, code: str) -> WeChatLogin:
    """Exchange the ``wx.login`` code; the bound member, or a binding ticket."""
    try:
        session = wechat.get_miniprogram_client().code_to_session(code)
    except wechat.WeChatError as exc:
        raise wechat_problem(exc) from exc
    user = _identity_user(openid=session.openid, unionid=session.unionid)
    identity = {
        "provider": MINIPROGRAM,
        "openid": session.openid,
        "unionid": session.unionid,
        "appid": settings.WECHAT_MINIPROGRAM_APPID,
    }
    if user is not None:
        _bind(user=user, identity=identity)
        return WeChatLogin(user=user, ticket=None)
    return WeChatLogin(user=None, ticket=wechat_binding_ticket(identity))


def wechat_binding_ticket(identity: dict[str, Any]) -> str:
    """A signed, short-lived ticket naming ``{provider, openid, unionid, appid}``."""
    return signing.dumps(identity, salt=TICKET_SALT)


def wechat_web_ticket(*, sociallogin) -> str:
    """The ticket for a web (QR code) login that found no member: the visitor
    logs in as usual and binds with it (``wechat_identity_bind``), as on the
    mini-program. Not for a mini-program or another provider's login."""
    account = sociallogin.account
    if account.provider != WEB or account.pk is not None:
        raise NotFound(
            _("No WeChat login is waiting in this browser."),
            code="no_pending_wechat_login",
        )
    extra = account.extra_data or {}
    return wechat_binding_ticket(
        {
            "provider": WEB,
            "openid": account.uid,
            "unionid": extra.get("unionid"),
            "appid": settings.WECHAT_WEB_APPID,
        }
    )


def _bind(*, user: User, identity: dict[str, Any]) -> SocialAccount:
    """Bind (or find bound) ``identity`` to ``user``; 409 when someone else has it."""
    extra = {k: identity[k] for k in ("openid", "unionid", "appid") if identity.get(k)}
    account, created = SocialAccount.objects.get_or_create(
        provider=identity["provider"],
        uid=identity["openid"],
        defaults={"user": user, "extra_data": extra},
    )
    if account.user_id != user.pk:
        raise Conflict(
            _("This WeChat account is bound to another member."),
            code="wechat_bound_elsewhere",
        )
    return account


def wechat_identity_bind(*, user: User, ticket: str) -> SocialAccount:
    """Bind the identity a ticket names to ``user`` (who just signed up or in)."""
    try:
        identity = signing.loads(
            ticket, salt=TICKET_SALT, max_age=settings.WECHAT_BINDING_TICKET_MAX_AGE
        )
    except signing.BadSignature as exc:  # includes SignatureExpired
        raise ValidationFailed(
            _(
                "The WeChat binding ticket is invalid or expired; log in with WeChat "
                "again."
            ),
            code="invalid_ticket",
        ) from exc
    if identity.get("provider") not in WECHAT_PROVIDERS:
        raise ValidationFailed(_("Invalid ticket."), code="invalid_ticket")
    with transaction.atomic():
        mine = SocialAccount.objects.filter(user=user, provider=identity["provider"])
        if mine.filter(uid=identity.get("openid")).exists():
            return mine.get(uid=identity.get("openid"))  # bound already: idempotent
        if mine.exists():
            raise Conflict(
                _("You already have a WeChat account bound here; unbind it first."),
                code="wechat_already_bound",
            )
        try:
            return _bind(user=user, identity=identity)
        except IntegrityError as exc:
            raise Conflict(
                _("This WeChat account is bound to another member."),
                code="wechat_bound_elsewhere",
            ) from exc


def wechat_identities(*, user: User):
    return SocialAccount.objects.filter(
        user=user, provider__in=WECHAT_PROVIDERS
    ).order_by("date_joined", "pk")


def wechat_identity_unbind(*, user: User, identity_id: int) -> None:
    """Remove one of the member's WeChat bindings (404 for anyone else's)."""
    deleted, _ = wechat_identities(user=user).filter(pk=identity_id).delete()
    if not deleted:
        raise NotFound()


def wechat_phone_verify(*, user: User, code: str) -> User:
    """Set the member's phone to the number WeChat verified (``getPhoneNumber``)."""
    try:
        phone = wechat.get_miniprogram_client().phone_number(code)
    except wechat.WeChatError as exc:
        raise wechat_problem(exc) from exc
    number = phone.e164
    with transaction.atomic():
        taken = User.objects.filter(phone=number).exclude(pk=user.pk).exists()
        if taken:
            # WeChat vouches the number is the member's own, so saying so leaks
            # nothing to them; the other account keeps it until it changes.
            raise Conflict(
                _("This number belongs to another account."), code="phone_unavailable"
            )
        user.phone = number
        user.phone_verified = True
        user.save(update_fields=["phone", "phone_verified"])
    return user
