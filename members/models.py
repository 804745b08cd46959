"""Every model of the members app, re-exported from its domain's ``models.py``
(``accounts``, ``privacy``, ``enquiries``, ``subscriptions``, ``activity``,
``notices``).

Django looks for an app's models in ``members.models``, and migrations and other
apps name them ``members.X`` / ``members.models.X``: this module keeps both working
while each model lives with its domain. The app label stays ``members``; no table
was renamed when the domains were split out.
"""

from .accounts.models import Member, OutgoingSms, User
from .activity.models import DownloadRecord, Favorite, Footprint, PageKind
from .enquiries.models import (
    Consultation,
    ConsultationMessage,
    ConsultationStatus,
    ProcurementAttachment,
    ProcurementItem,
    ProcurementMessage,
    ProcurementRequest,
    ProcurementStatus,
    ProcurementStatusChange,
    ProcurementUnit,
    ThreadMessage,
)
from .notices.models import Notice, NoticeDelivery, NoticeKind
from .outbox import QueuedEmail
from .privacy.models import PrivacyRequest, PrivacyRequestQuerySet, RetentionRun
from .subscriptions.models import (
    DigestDelivery,
    Subscription,
    SubscriptionStatus,
    SubscriptionTopic,
)

__all__ = [
    "Consultation",
    "ConsultationMessage",
    "ConsultationStatus",
    "DigestDelivery",
    "DownloadRecord",
    "Favorite",
    "Footprint",
    "Member",
    "OutgoingSms",
    "Notice",
    "NoticeDelivery",
    "NoticeKind",
    "PageKind",
    "PrivacyRequest",
    "PrivacyRequestQuerySet",
    "RetentionRun",
    "ProcurementAttachment",
    "ProcurementItem",
    "ProcurementMessage",
    "ProcurementRequest",
    "ProcurementStatus",
    "ProcurementStatusChange",
    "ProcurementUnit",
    "QueuedEmail",
    "Subscription",
    "SubscriptionStatus",
    "SubscriptionTopic",
    "ThreadMessage",
    "User",
]
