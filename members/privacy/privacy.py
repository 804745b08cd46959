"""Registry entries (``core.privacy``) for privacy requests and for the libraries'
models that point at users (Django admin, allauth, Wagtail). Imported by
``MembersConfig.ready``.

Members normally hold rows only in the first group; the Wagtail ones matter for staff
accounts and keep the registry complete, which its test demands.
"""

from __future__ import annotations

from django.apps import apps
from django.db.models import Q
from django_tasks_db.models import DBTaskResult

from core import privacy
from members.accounts.models import User
from members.mail import email_send
from members.outbox import QueuedEmail

from .models import PrivacyRequest

PRIVACY_REQUEST_FIELDS = (
    "id",
    "kind",
    "details",
    "status",
    "created_at",
    "due_on",
    "answer",
    "answered_at",
)


def privacy_requests_erase(user: User) -> None:
    """Keep the request (proof it was handled) without anything that names them."""
    PrivacyRequest.objects.filter(user=user).update(user=None, details="", answer="")
    PrivacyRequest.objects.filter(answered_by=user).update(answered_by=None)


def queued_emails_erase(user: User) -> None:
    """Mail waiting to be sent to or about the member goes, with its queued tasks
    (``django_tasks_db``; their arguments are only the message's id)."""
    waiting = QueuedEmail.objects.filter(
        Q(user=user) | Q(to__icontains=user.email) if user.email else Q(user=user)
    )
    ids = list(waiting.values_list("pk", flat=True))
    if ids:
        DBTaskResult.objects.filter(
            task_path=email_send.module_path,
            args_kwargs__kwargs__message_id__in=ids,
        ).delete()
    waiting.delete()


# label → (exporter, eraser); the model is looked up so an absent app is skipped.
LIBRARY_MODELS = {
    "account.EmailAddress": (
        privacy.rows("email", "verified", "primary"),
        privacy.delete_rows(),
    ),
    # WeChat identities (web login and mini-program): openid, unionid, nickname.
    "socialaccount.SocialAccount": (
        privacy.rows("provider", "uid", "extra_data", "date_joined", "last_login"),
        privacy.delete_rows(),
    ),
    "usersessions.UserSession": (
        privacy.rows("ip", "user_agent", "created_at", "last_seen_at"),
        privacy.delete_rows(),
    ),
    "admin.LogEntry": (
        privacy.rows("action_time", "object_repr"),
        privacy.delete_rows(),
    ),
    "wagtailusers.UserProfile": (
        privacy.rows("preferred_language", "current_time_zone"),
        privacy.delete_rows(),
    ),
    "wagtailadmin.EditingSession": (privacy.rows("id"), privacy.delete_rows()),
    "wagtailadmin.FormState": (privacy.rows("id"), privacy.delete_rows()),
    "wagtailcore.APIToken": (privacy.rows("id", "name"), privacy.delete_rows()),
    "wagtailcore.UploadedFile": (privacy.rows("id"), privacy.delete_rows()),
    "wagtailcore.PageSubscription": (
        privacy.rows("page_id", "comment_notifications"),
        privacy.delete_rows(),
    ),
    "wagtailcore.CommentReply": (
        privacy.rows("text", "created_at"),
        privacy.delete_rows(),
    ),
    "wagtailcore.Comment": (
        privacy.rows("text", "created_at", by=("user",)),
        None,  # see _comments_erase
    ),
    "wagtailcore.ModelLogEntry": (
        privacy.rows("action", "timestamp"),
        privacy.detach(),
    ),
    "wagtailcore.PageLogEntry": (privacy.rows("action", "timestamp"), privacy.detach()),
    "wagtailcore.Revision": (privacy.rows("id", "created_at"), privacy.detach()),
    "wagtailcore.WorkflowState": (privacy.rows("id"), privacy.detach()),
    "wagtailcore.TaskState": (privacy.rows("id"), privacy.detach()),
    "wagtailcore.Page": (privacy.rows("id", "title"), privacy.detach()),
    "wagtailimages.Image": (privacy.rows("id", "title"), privacy.detach()),
    "wagtaildocs.Document": (privacy.rows("id", "title"), privacy.detach()),
    "cms.CustomImage": (privacy.rows("id", "title"), privacy.detach()),
    "cms.CustomDocument": (privacy.rows("id", "title"), privacy.detach()),
    "wagtail_localize.StringTranslation": (privacy.rows("id"), privacy.detach()),
    "wagtail_localize.SegmentOverride": (privacy.rows("id"), privacy.detach()),
}


def _comments_erase(user: User) -> None:
    model = apps.get_model("wagtailcore", "Comment")
    model.objects.filter(resolved_by=user).update(resolved_by=None)
    model.objects.filter(user=user).delete()


privacy.register(
    PrivacyRequest,
    exporter=privacy.rows(*PRIVACY_REQUEST_FIELDS, by=("user",)),
    eraser=privacy_requests_erase,
)
privacy.register(
    QueuedEmail,
    exporter=privacy.rows("to", "subject", "created_at", by=("user",)),
    eraser=queued_emails_erase,
)
for label, (exporter, eraser) in LIBRARY_MODELS.items():
    try:
        model = apps.get_model(label)
    except LookupError:
        continue
    privacy.register(model, exporter=exporter, eraser=eraser or _comments_erase)
