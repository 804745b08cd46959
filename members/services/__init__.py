"""The members app's operations (HackSoft-style services), one module per area;
re-exported here: ``from members.services import member_cancel``."""

from .account import (
    member_cancel,
    member_data_export,
    member_sessions_end,
    user_anonymise,
    user_profile_export,
)
from .activity import (
    FOOTPRINTS_KEPT,
    download_record_create,
    favorite_add,
    favorite_remove,
    footprint_record,
    footprint_remove,
    footprints_clear,
    footprints_prune,
    page_kind,
)
from .avatars import AVATAR_MAX_BYTES, avatar_remove, avatar_set
from .downloads import document_for_download
from .privacy_requests import (
    privacy_request_answer,
    privacy_request_create,
    privacy_request_due_on,
)
from .profile import EDITABLE_FIELDS, member_profile_update

__all__ = [
    "FOOTPRINTS_KEPT",
    "document_for_download",
    "download_record_create",
    "favorite_add",
    "favorite_remove",
    "footprint_record",
    "footprint_remove",
    "footprints_clear",
    "footprints_prune",
    "page_kind",
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
