"""E-mail subscriptions (邮件订阅): double opt-in, one-click unsubscribe, the
tracking choice, and members' own subscription.

Every link is a ``TimestampSigner`` token naming the subscription and a secret
of its row, so a token cannot be forged or moved to another address:

* confirm — ``{s: id, n: nonce}``, valid ``SUBSCRIPTION_CONFIRM_MAX_AGE``; a new
  request for the same address rotates the nonce (older links stop working);
* manage (unsubscribe, tracking choice) — ``{s: id, k: key}``, valid
  ``SUBSCRIPTION_LINK_MAX_AGE``.

A tampered, expired or superseded token is a 400 ``invalid_token`` and changes
nothing. The public subscribe call answers the same whatever the address's state,
so it never tells whether someone is subscribed.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from urllib.parse import quote, urlencode

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from core.errors import ValidationFailed
from members.accounts.models import User
from members.mail import mail_language, mail_queue

from .consents import tracking_allowed, tracking_consent_set
from .models import Subscription, SubscriptionStatus, SubscriptionTopic

S = SubscriptionStatus
CONFIRM_SALT = "members.subscription.confirm"
MANAGE_SALT = "members.subscription.manage"


# --- tokens and links -----------------------------------------------------------


def confirm_token(subscription: Subscription) -> str:
    payload = {"s": subscription.pk, "n": subscription.confirmation_nonce}
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(payload)


def manage_token(subscription: Subscription) -> str:
    payload = {"s": subscription.pk, "k": subscription.key}
    return signing.TimestampSigner(salt=MANAGE_SALT).sign_object(payload)


def _invalid_token() -> ValidationFailed:
    return ValidationFailed(
        gettext("This link is invalid or has expired."),
        code="invalid_token",
        errors=[
            {
                "code": "invalid_token",
                "detail": gettext("Invalid link."),
                "attr": "token",
            }
        ],
    )


def _unsign(token: str, salt: str, max_age: int) -> dict:
    try:
        data = signing.TimestampSigner(salt=salt).unsign_object(
            token or "", max_age=max_age
        )
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise _invalid_token() from exc
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        raise _invalid_token()
    return data


def _from_manage_token(token: str) -> Subscription:
    """The (locked) subscription a manage token names; call inside a transaction."""
    data = _unsign(token, MANAGE_SALT, settings.SUBSCRIPTION_LINK_MAX_AGE)
    found = Subscription.objects.select_for_update().filter(pk=data["s"]).first()
    if found is None or not secrets.compare_digest(found.key, str(data.get("k"))):
        raise _invalid_token()
    return found


def frontend_link(language: str, path: str, **query: str) -> str:
    suffix = f"?{urlencode(query)}" if query else ""
    return f"{settings.FRONTEND_URL}/{language}/{path}{suffix}"


def unsubscribe_url(subscription: Subscription) -> str:
    """The one-click URL (``List-Unsubscribe``): a POST to it unsubscribes."""
    token = quote(manage_token(subscription), safe="")
    return f"{settings.API_BASE_URL}/api/v1/subscriptions/unsubscribe/?token={token}"


def unsubscribe_headers(subscription: Subscription) -> dict[str, str]:
    """RFC 2369 / RFC 8058 headers every subscription e-mail carries."""
    targets = [f"<{unsubscribe_url(subscription)}>"]
    if settings.SUBSCRIPTION_UNSUBSCRIBE_MAILTO:
        targets.append(
            f"<mailto:{settings.SUBSCRIPTION_UNSUBSCRIBE_MAILTO}?subject=unsubscribe>"
        )
    return {
        "List-Unsubscribe": ", ".join(targets),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def subscription_links(subscription: Subscription) -> dict[str, str]:
    """Links for the e-mail's footer: unsubscribe and preferences pages."""
    language = mail_language(subscription.locale)
    token = manage_token(subscription)
    return {
        "unsubscribe_url": frontend_link(
            language, "subscriptions/unsubscribe", token=token
        ),
        "preferences_url": frontend_link(
            language, "subscriptions/preferences", token=token
        ),
    }


# --- input -------------------------------------------------------------------------


def _clean_topics(topics) -> list[str]:
    chosen = list(dict.fromkeys(topics or []))
    unknown = [t for t in chosen if t not in SubscriptionTopic.values]
    if unknown or not chosen:
        detail = "Choose one or more topics: " + ", ".join(SubscriptionTopic.values)
        raise ValidationFailed(
            detail,
            errors=[{"code": "invalid_choice", "detail": detail, "attr": "topics"}],
        )
    return chosen


def _clean_email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except DjangoValidationError as exc:
        detail = "Enter a valid e-mail address."
        raise ValidationFailed(
            detail, errors=[{"code": "invalid", "detail": detail, "attr": "email"}]
        ) from exc
    return email


# --- visitors: double opt-in ---------------------------------------------------


def subscription_request(*, email: str, topics: list[str], locale: str = "") -> None:
    """Ask for a subscription: a confirmation e-mail goes to the address (at most
    one per ``SUBSCRIPTION_RESEND_INTERVAL``); nothing changes until it is
    confirmed. Returns nothing, whatever the address's state."""
    email, topics = _clean_email(email), _clean_topics(topics)
    language = mail_language(locale)
    now = timezone.now()
    try:
        with transaction.atomic():
            found, _ = Subscription.objects.select_for_update().get_or_create(
                email=email, defaults={"locale": language}
            )
            _request_confirmation(found, topics, language, now)
    except IntegrityError:
        # Two requests raced to create the row: the other one's mail suffices.
        return


def _request_confirmation(sub: Subscription, topics, language: str, now) -> None:
    sub.pending_topics, sub.pending_locale = topics, language
    fields = ["pending_topics", "pending_locale"]
    recent = sub.confirmation_sent_at and now - sub.confirmation_sent_at < timedelta(
        seconds=settings.SUBSCRIPTION_RESEND_INTERVAL
    )
    if not recent:
        sub.confirmation_nonce = secrets.token_urlsafe(12)
        sub.confirmation_sent_at = now
        fields += ["confirmation_nonce", "confirmation_sent_at"]
    sub.save(update_fields=fields)
    if recent:
        return
    mail_queue(
        to=sub.email,
        template=f"subscription/{language}/confirm",
        context={
            "confirm_url": frontend_link(
                language, "subscriptions/confirm", token=confirm_token(sub)
            ),
            "topics": _topic_labels(topics, language),
            **subscription_links(sub),
        },
        language=language,
        headers=unsubscribe_headers(sub),
        user=sub.user,
    )


def subscription_confirm(
    *,
    token: str,
    tracking_consent: bool | None = None,
    user_agent: str = "",
    ip_address: str = "",
) -> Subscription:
    """Confirm from the e-mailed link: the requested topics apply, and the
    visitor's answer about e-mail tracking is recorded in the consent ledger."""
    data = _unsign(token, CONFIRM_SALT, settings.SUBSCRIPTION_CONFIRM_MAX_AGE)
    with transaction.atomic():
        sub = Subscription.objects.select_for_update().filter(pk=data["s"]).first()
        nonce = str(data.get("n") or "")
        if (
            sub is None
            or not sub.confirmation_nonce
            or not secrets.compare_digest(sub.confirmation_nonce, nonce)
        ):
            raise _invalid_token()
        if sub.pending_topics:
            sub.topics = sub.pending_topics
            sub.locale = sub.pending_locale or sub.locale
            sub.pending_topics, sub.pending_locale = [], ""
        _set_confirmed(sub)
        sub.save()
        if tracking_consent is not None:
            tracking_consent_set(
                user=sub.user,
                email=sub.email,
                granted=tracking_consent,
                user_agent=user_agent,
                ip_address=ip_address,
            )
    return sub


def _set_confirmed(sub: Subscription) -> None:
    if sub.status != S.CONFIRMED:
        # A fresh start: the first digest holds what is published from now on.
        sub.status, sub.confirmed_at = S.CONFIRMED, timezone.now()
        sub.last_digest_at, sub.unsubscribed_at = None, None


def subscription_unsubscribe(*, token: str) -> Subscription:
    """One click: no more e-mail to this address (idempotent)."""
    with transaction.atomic():
        sub = _from_manage_token(token)
        if sub.status != S.UNSUBSCRIBED:
            sub.status, sub.unsubscribed_at = S.UNSUBSCRIBED, timezone.now()
            sub.pending_topics, sub.pending_locale = [], ""
            sub.confirmation_nonce = ""
            sub.save()
    return sub


def subscription_tracking_set(
    *, token: str, granted: bool, user_agent: str = "", ip_address: str = ""
) -> Subscription:
    """The subscriber's e-mail tracking choice, from the preferences link;
    withdrawing stops tracking without unsubscribing."""
    with transaction.atomic():
        sub = _from_manage_token(token)
        tracking_consent_set(
            user=sub.user,
            email=sub.email,
            granted=granted,
            user_agent=user_agent,
            ip_address=ip_address,
        )
    return sub


def subscription_tracking_allowed(*, sub: Subscription) -> bool:
    return tracking_allowed(user=sub.user, email=sub.email)


def member_tracking_allowed(*, user: User) -> bool:
    return tracking_allowed(user=user, email=user.email)


# --- members ----------------------------------------------------------------------


def member_email_verified(*, user: User) -> bool:
    return EmailAddress.objects.filter(
        user=user, email__iexact=user.email, verified=True
    ).exists()


def member_subscription_get(*, user: User) -> Subscription | None:
    return (
        Subscription.objects.filter(user=user).first()
        or Subscription.objects.filter(email=user.email.lower(), user=None).first()
    )


def member_subscription_update(
    *,
    user: User,
    topics: list[str],
    locale: str = "",
    tracking_consent: bool | None = None,
    user_agent: str = "",
    ip_address: str = "",
) -> Subscription | None:
    """Set the member's topics (none = unsubscribe). Confirmed at once when their
    e-mail is verified; otherwise when they verify it (``email_confirmed``)."""
    topics = _clean_topics(topics) if topics else []
    email = user.email.lower()
    with transaction.atomic():
        sub = Subscription.objects.select_for_update().filter(user=user).first()
        same_address = Subscription.objects.select_for_update().filter(email=email)
        if sub is None:
            sub = same_address.first() or Subscription(email=email)
        elif sub.email != email:
            same_address.filter(user=None).delete()
            sub.email = email
        sub.user = user
        if topics:
            sub.topics = topics
            sub.locale = mail_language(locale or sub.locale or user.preferred_language)
            sub.pending_topics, sub.pending_locale = [], ""
            if member_email_verified(user=user):
                _set_confirmed(sub)
            elif sub.status != S.CONFIRMED:
                sub.status = S.PENDING
        elif sub.pk and sub.status != S.UNSUBSCRIBED:
            sub.status, sub.unsubscribed_at = S.UNSUBSCRIBED, timezone.now()
        if sub.pk or topics:
            sub.save()
        if tracking_consent is not None:
            tracking_consent_set(
                user=user,
                email=email,
                granted=tracking_consent,
                user_agent=user_agent,
                ip_address=ip_address,
            )
    return sub if sub.pk else None


def member_subscriptions_confirm(*, user: User) -> int:
    """The member verified their e-mail: their pending subscription starts."""
    confirmed = 0
    with transaction.atomic():
        pending = Subscription.objects.select_for_update().filter(
            user=user, status=S.PENDING, email=user.email.lower()
        )
        for sub in pending:
            _set_confirmed(sub)
            sub.save()
            confirmed += 1
    return confirmed


# --- labels ----------------------------------------------------------------------

TOPIC_LABELS: dict[str, dict[str, str]] = {
    "zh-hans": {
        SubscriptionTopic.NEW_PRODUCTS: "新品上市",
        SubscriptionTopic.SPECIAL_OFFERS: "优惠活动",
        SubscriptionTopic.GUIDES_TIPS: "选油指南与技巧",
    },
    "en": {value: str(label) for value, label in SubscriptionTopic.choices},
}


def _topic_labels(topics: list[str], language: str) -> list[str]:
    labels = TOPIC_LABELS.get(language, TOPIC_LABELS["en"])
    return [labels[t] for t in topics if t in labels]
