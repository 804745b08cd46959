"""Subscriptions in the personal data registry (``core.privacy``): subscription rows
and their digest deliveries, by user and by address (a subscription a visitor made
with the member's address is theirs too). Imported by ``MembersConfig.ready``."""

from __future__ import annotations

from typing import Any

from core import privacy

from .models import Subscription


def subscriptions_export(user) -> list[dict[str, Any]]:
    subscriptions = Subscription.objects.filter(
        privacy.user_or_email(user)
    ).prefetch_related("deliveries")
    return [
        {
            **privacy.jsonable(
                {
                    "email": s.email,
                    "topics": s.topics,
                    "locale": s.locale,
                    "status": s.status,
                    "created_at": s.created_at,
                    "confirmed_at": s.confirmed_at,
                    "unsubscribed_at": s.unsubscribed_at,
                    "last_digest_at": s.last_digest_at,
                }
            ),
            "digests": [
                privacy.jsonable(
                    {
                        "sent_at": d.sent_at,
                        "items": d.item_count,
                        "opened_at": d.opened_at,
                        "clicked_at": d.clicked_at,
                        "clicks": d.click_count,
                    }
                )
                for d in s.deliveries.all()
            ],
        }
        for s in subscriptions
    ]


def subscriptions_erase(user) -> None:
    """Subscription rows (and their digest deliveries) go."""
    Subscription.objects.filter(privacy.user_or_email(user)).delete()


privacy.register(
    Subscription, exporter=subscriptions_export, eraser=subscriptions_erase
)
