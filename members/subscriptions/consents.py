"""The optional-purpose consents member features read (e-mail tracking …), in one
place so the source can change in one line.

Members: their latest choice in the consent ledger (``legal``). Visitors who
subscribed an e-mail address: records under a pseudonymous visitor id derived
from the address (``email_subject``), so the ledger never holds the address
itself and the proof outlives an erased subscription.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings

from legal import selectors
from legal.models import ConsentRecord
from legal.services import purpose_consent_set, truncate_ip

EMAIL_TRACKING = ConsentRecord.Purpose.EMAIL_TRACKING


def purpose_granted(user, purpose: str) -> bool:
    """Whether ``user``'s latest choice grants ``purpose`` (one query)."""
    return selectors.purpose_granted(user, purpose)


def email_subject(email: str) -> str:
    """The visitor id under which an address's consents are recorded."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(),
        f"email:{email.strip().lower()}".encode(),
        hashlib.sha256,
    )
    return f"e_{digest.hexdigest()[:32]}"


def visitor_purpose_granted(email: str, purpose: str) -> bool:
    latest = (
        ConsentRecord.objects.filter(
            visitor_id=email_subject(email), purpose=purpose, user__isnull=True
        )
        .order_by("-created_at", "-id")
        .values_list("action", flat=True)
        .first()
    )
    return latest == ConsentRecord.Action.ACCEPTED


def tracking_allowed(*, user, email: str) -> bool:
    """May e-mails to this member (or, without one, this address) be tracked?"""
    if user is not None:
        # Withdrawn or pending policy consent stops tracking too (issue 13).
        return selectors.processing_allowed(user) and purpose_granted(
            user, EMAIL_TRACKING
        )
    return visitor_purpose_granted(email, EMAIL_TRACKING)


def tracking_consent_set(
    *,
    user,
    email: str,
    granted: bool,
    channel: str = ConsentRecord.Channel.WEB,
    user_agent: str = "",
    ip_address: str = "",
) -> ConsentRecord:
    """Record a member's or a subscribed visitor's choice about e-mail tracking."""
    if user is not None:
        return purpose_consent_set(
            user=user,
            purpose=EMAIL_TRACKING,
            granted=granted,
            channel=channel,
            user_agent=user_agent,
            ip_address=ip_address,
        )
    action = (
        ConsentRecord.Action.ACCEPTED if granted else ConsentRecord.Action.WITHDRAWN
    )
    record = ConsentRecord(
        visitor_id=email_subject(email),
        purpose=EMAIL_TRACKING,
        action=action,
        channel=channel,
        user_agent=(user_agent or "")[:512],
        ip_address=truncate_ip(ip_address or ""),
    )
    record.full_clean()
    record.save()
    return record
