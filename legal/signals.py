"""Publishing a policy page, from anywhere, freezes a version (see services)."""

from wagtail.signals import page_published

from .models import PolicyPage
from .services import policy_version_freeze


def freeze_on_publish(sender, instance, revision=None, **kwargs):
    policy_version_freeze(page=instance, revision_id=getattr(revision, "pk", None))


def connect() -> None:
    page_published.connect(
        freeze_on_publish, sender=PolicyPage, dispatch_uid="legal_freeze_on_publish"
    )
