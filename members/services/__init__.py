"""The members app's operations (HackSoft-style services), one module per area;
re-exported here: ``from members.services import member_cancel``."""

from .account import (
    member_cancel,
    member_data_export,
    member_sessions_end,
    user_anonymise,
    user_profile_export,
)
from .avatars import AVATAR_MAX_BYTES, avatar_remove, avatar_set
from .privacy_requests import (
    privacy_request_answer,
    privacy_request_create,
    privacy_request_due_on,
)
from .profile import EDITABLE_FIELDS, member_profile_update

__all__ = [
    "AVATAR_MAX_BYTES",
    "EDITABLE_FIELDS",
    "avatar_remove",
    "avatar_set",
    "member_cancel",
    "member_data_export",
    "member_profile_update",
    "member_sessions_end",
    "privacy_request_answer",
    "privacy_request_create",
    "privacy_request_due_on",
    "user_anonymise",
    "user_profile_export",
]
