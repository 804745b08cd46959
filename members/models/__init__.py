"""The members app's models, one module each; re-exported here so migrations and
imports keep using ``members.models.X``."""

from .activity import DownloadRecord, Favorite, Footprint, PageKind
from .consultation import Consultation, ConsultationMessage, ConsultationStatus
from .privacy_request import PrivacyRequest, PrivacyRequestQuerySet
from .procurement import (
    ProcurementAttachment,
    ProcurementItem,
    ProcurementMessage,
    ProcurementRequest,
    ProcurementStatus,
    ProcurementStatusChange,
    ProcurementUnit,
)
from .subscription import (
    DigestDelivery,
    Subscription,
    SubscriptionStatus,
    SubscriptionTopic,
)
from .user import EmailUserManager, Member, User, avatar_upload_to

__all__ = [
    "Consultation",
    "ConsultationMessage",
    "ConsultationStatus",
    "DigestDelivery",
    "Subscription",
    "SubscriptionStatus",
    "SubscriptionTopic",
    "DownloadRecord",
    "Favorite",
    "Footprint",
    "PageKind",
    "ProcurementAttachment",
    "ProcurementItem",
    "ProcurementMessage",
    "ProcurementRequest",
    "ProcurementStatus",
    "ProcurementStatusChange",
    "ProcurementUnit",
    "EmailUserManager",
    "Member",
    "PrivacyRequest",
    "PrivacyRequestQuerySet",
    "User",
    "avatar_upload_to",
]
