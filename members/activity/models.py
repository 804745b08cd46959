"""What a member does with the catalogue: favorites, footprints, downloads.

All three are the member's own data (``/api/v1/me/favorites/``, ``/me/footprints/``,
``/me/downloads/``), exported and erased through the registry
(``members.activity.privacy``). Staff see them
read-only from the member's side only through the data export; there is no admin
screen, because nobody edits them but the member.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The footprints kept (and listed) per member: older ones are pruned.
FOOTPRINTS_KEPT = 200


class PageKind(models.TextChoices):
    """The kinds of page a member can favorite or leave a footprint on."""

    PRODUCT = "product", _("Product")
    GUIDE = "guide", _("Guide")


class Favorite(models.Model):
    """A product or guide the member saved (我的收藏).

    Keyed by the page's ``translation_key``, so the Chinese and English versions
    of one product are one favorite; the list shows the version in the member's
    language. ``page`` is the version they saved (the fallback when the other
    language is missing). The unique constraint makes a repeated or concurrent add
    a no-op. In the API: ``/api/v1/me/favorites/`` and ``is_favorite`` on
    products and guides.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="favorites",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    translation_key = models.UUIDField(_("translation key"), editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=PageKind.choices)
    created_at = models.DateTimeField(_("saved at"), default=timezone.now)

    class Meta:
        verbose_name = _("favorite")
        verbose_name_plural = _("favorites")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "translation_key"],
                name="members_favorite_user_item_unique",
            )
        ]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} ♥ {self.page_id}"


class Footprint(models.Model):
    """A product or guide page the member looked at (我的足迹): one row per
    member and page, with the last time and how often.

    Written by one upsert statement when a signed-in member fetches a product or
    guide detail (``members.activity.services.footprint_record``); only the newest
    ``FOOTPRINTS_KEPT`` per member are kept. ``/api/v1/me/footprints/``.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="footprints",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=PageKind.choices)
    last_viewed_at = models.DateTimeField(_("last viewed"), default=timezone.now)
    view_count = models.PositiveIntegerField(_("views"), default=1)

    class Meta:
        verbose_name = _("footprint")
        verbose_name_plural = _("footprints")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "page"], name="members_footprint_user_page_unique"
            )
        ]
        indexes = [models.Index(fields=["user", "-last_viewed_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.page_id} ×{self.view_count}"


class DownloadRecord(models.Model):
    """One download of a document by a member (TDS, SDS …).

    Written by ``GET /api/v1/documents/{id}/download/`` for signed-in members and
    listed by ``/api/v1/me/downloads/``. The title is copied so the record still
    reads well after the document is deleted.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="download_records",
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document_title = models.CharField(_("document title"), max_length=255)
    downloaded_at = models.DateTimeField(_("downloaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("download record")
        verbose_name_plural = _("download records")
        indexes = [models.Index(fields=["user", "-downloaded_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} ↓ {self.document_title}"
