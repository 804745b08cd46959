"""Signal receivers of subscriptions (connected by importing this module in
``MembersConfig.ready``)."""

from __future__ import annotations

from allauth.account.signals import email_confirmed
from django.dispatch import receiver

from .services import member_subscriptions_confirm


@receiver(email_confirmed)
def start_pending_subscription(sender, request, email_address, **kwargs):
    """A member's subscription is confirmed by verifying their e-mail."""
    if email_address.user_id:
        member_subscriptions_confirm(user=email_address.user)
