"""E-mail subscriptions (邮件订阅) and the digests sent to them.

Anyone subscribes an address through ``POST /api/v1/subscriptions/`` and confirms
it from the e-mail (double opt-in); members manage theirs at
``/api/v1/me/subscriptions/`` and are confirmed by their verified e-mail. The
``send_digest`` command mails confirmed subscribers what was published since
their last digest; every digest is a ``DigestDelivery`` row (with open and click
times only for subscribers who allowed e-mail tracking). Staff see both under
*Subscriptions* in the admin menu. Operations: ``members.subscriptions.services``.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SubscriptionTopic(models.TextChoices):
    NEW_PRODUCTS = "new_products", _("New products")
    SPECIAL_OFFERS = "special_offers", _("Special offers")
    GUIDES_TIPS = "guides_tips", _("Guides and tips")


class SubscriptionStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


def new_key() -> str:
    return secrets.token_urlsafe(16)


class Subscription(models.Model):
    """One address and the topics it wants, in one language.

    ``pending_topics`` / ``pending_locale`` hold what a not-yet-confirmed request
    asked for, so nobody can change someone else's subscription without the
    confirmation link. ``key`` is mixed into every signed link (unsubscribe,
    confirm), ``confirmation_nonce`` makes a confirmation link single-use.
    """

    email = models.EmailField(_("e-mail"), unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        help_text=_("Empty for a visitor's subscription."),
    )
    topics = models.JSONField(_("topics"), default=list, blank=True)
    locale = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubscriptionStatus.choices,
        default=SubscriptionStatus.PENDING,
    )
    pending_topics = models.JSONField(default=list, blank=True, editable=False)
    pending_locale = models.CharField(max_length=10, blank=True, editable=False)
    key = models.CharField(max_length=32, default=new_key, editable=False)
    confirmation_nonce = models.CharField(max_length=32, blank=True, editable=False)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("last digest"), null=True, blank=True)

    # No content references worth listing under a page's "usage".
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("e-mail subscription")
        verbose_name_plural = _("e-mail subscriptions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "last_digest_at"])]

    def __str__(self) -> str:
        return f"{self.email} ({self.status})"


class DigestDelivery(models.Model):
    """One digest mailed to one subscription: when, how many items, and — only
    when the subscriber allowed tracking — when it was first opened and clicked."""

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    window_start = models.DateTimeField(_("published after"), null=True, blank=True)
    item_count = models.PositiveIntegerField(_("items"), default=0)
    page_ids = models.JSONField(_("pages"), default=list, blank=True)
    tracked = models.BooleanField(
        _("tracked"),
        default=False,
        help_text=_("The subscriber had allowed e-mail tracking when it was sent."),
    )
    opened_at = models.DateTimeField(_("first opened"), null=True, blank=True)
    clicked_at = models.DateTimeField(_("first clicked"), null=True, blank=True)
    click_count = models.PositiveIntegerField(_("clicks"), default=0)

    # No content references worth listing under a page's "usage".
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("digest delivery")
        verbose_name_plural = _("digest deliveries")
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.subscription_id} @ {self.sent_at:%Y-%m-%d %H:%M}"
