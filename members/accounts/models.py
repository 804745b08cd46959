"""Members and staff share one user model, identified by e-mail.

``User`` replaces Django's default from the first migration (``AUTH_USER_MODEL``):
there is no username; people sign in with their e-mail address or their mobile phone
(allauth, see ``members.accounts.adapters``). The profile a member keeps about
themselves (display name, phone, WeChat, QQ, company …) lives on the same row, so
``/api/v1/me/`` and the staff's member search need no join.

Staff meet members under *Members* in the Wagtail admin (``members.accounts.admin``)
and staff accounts under Settings → Users; members see and edit their own row through
``GET/PATCH /api/v1/me/``.
"""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from core.files import private_storage

from .phones import validate_e164


class EmailUserManager(UserManager):
    """``create_user(email, password)``: e-mail is the login name."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):  # type: ignore[override]
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):  # type: ignore[override]
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):  # type: ignore[override]
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


def avatar_upload_to(instance: User, filename: str) -> str:
    """A random name, so an avatar's URL says nothing about whose it is."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "img"
    return f"members/avatars/{uuid.uuid4().hex}.{suffix}"


qq_validator = RegexValidator(
    r"^[1-9][0-9]{4,11}$", _("A QQ number has 5 to 12 digits."), code="invalid_qq"
)
wechat_validator = RegexValidator(
    r"^[A-Za-z0-9_-]{1,40}$",
    _("A WeChat ID has letters, digits, underscores and hyphens."),
    code="invalid_wechat_id",
)


class AgeGroup(models.TextChoices):
    """The member's statement of age at sign-up. The policy asks a guardian's
    consent for every minor (未成年人, under 18); under 14 the member's data is
    sensitive personal information with its own separate consent (PIPL art. 28,
    31)."""

    ADULT = "18_or_over", _("18 or over")
    MINOR = "14_to_17", _("14 to 17")
    CHILD = "under_14", _("under 14")


class User(AbstractUser):
    """A member (buyer) or a staff user. E-mail is unique, case-insensitively; the
    mobile phone is unique when given (stored in E.164, ``+8613812345678``)."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)

    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("How the member is addressed; shown instead of the e-mail."),
    )
    phone = models.CharField(
        _("mobile phone"),
        max_length=20,
        null=True,
        blank=True,
        unique=True,
        validators=[validate_e164],
        help_text=_("E.164, e.g. +8613812345678. A second way to sign in."),
    )
    phone_verified = models.BooleanField(
        _("phone verified"),
        default=False,
        help_text=_("Whether the number was confirmed by SMS (no SMS gateway yet)."),
    )
    wechat_id = models.CharField(
        _("WeChat ID"), max_length=40, blank=True, validators=[wechat_validator]
    )
    qq = models.CharField(
        _("QQ number"), max_length=12, blank=True, validators=[qq_validator]
    )
    contact_address = models.CharField(_("contact address"), max_length=255, blank=True)
    company_name = models.CharField(_("company name"), max_length=200, blank=True)
    company_address = models.CharField(_("company address"), max_length=255, blank=True)
    position = models.CharField(_("position"), max_length=100, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of e-mails sent to this member."),
    )
    customer_service = models.ForeignKey(
        "self",
        verbose_name=_("my customer service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="served_members",
        limit_choices_to={"is_staff": True, "is_active": True},
        help_text=_("The staff member who serves this member; they see it read-only."),
    )
    age_group = models.CharField(
        _("age group"),
        max_length=10,
        choices=AgeGroup.choices,
        default=AgeGroup.ADULT,
        help_text=_(
            "Stated at sign-up; for a minor a guardian's consent is on record."
        ),
    )
    record_footprints = models.BooleanField(
        _("record footprints"),
        default=True,
        help_text=_("The member's setting: when off, no browsing history is recorded."),
    )
    avatar = models.ImageField(
        _("avatar"),
        upload_to=avatar_upload_to,
        storage=private_storage,
        blank=True,
        editable=False,
    )
    avatar_medium = models.ImageField(
        _("avatar 256px"),
        upload_to=avatar_upload_to,
        storage=private_storage,
        blank=True,
        editable=False,
    )
    avatar_small = models.ImageField(
        _("avatar 64px"),
        upload_to=avatar_upload_to,
        storage=private_storage,
        blank=True,
        editable=False,
    )
    cancelled_at = models.DateTimeField(
        _("cancelled at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the member cancelled the account; the row is anonymised."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = EmailUserManager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="members_user_email_ci_unique")
        ]

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.email

    @property
    def is_minor(self) -> bool:
        """Under 18 (either minor age group): a guardian's consent is needed."""
        return self.age_group != AgeGroup.ADULT

    @property
    def is_member(self) -> bool:
        """A buyer rather than a staff user."""
        return not self.is_staff and not self.is_superuser


class MemberManager(EmailUserManager):
    def get_queryset(self):
        return super().get_queryset().filter(is_staff=False, is_superuser=False)


class Member(User):
    """The members (buyers) among the users: the *Members* screen of the admin.

    A proxy, so its own permissions (``view_member``, ``change_member``) let sales
    staff see members and assign their customer service without the
    ``change_user`` permission, which opens Settings → Users (staff accounts).
    """

    objects = MemberManager()  # type: ignore[misc]

    class Meta:
        proxy = True
        verbose_name = _("member")
        verbose_name_plural = _("members")


class OutgoingSms(models.Model):
    """One text message to one number, sent by ``members.accounts.tasks.sms_send``.

    The task gets the row's id, never the number or the code; the row holds the
    template parameters (the code) only until it is sent, then keeps who got a code
    and when (personal data: exported, deleted on cancellation, purged after
    ``SMS_RECORD_RETENTION_DAYS``). Not shown in the admin or the API.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("member"),
    )
    phone = models.CharField(_("mobile phone"), max_length=20)
    purpose = models.CharField(_("purpose"), max_length=40)
    params = models.JSONField(_("template parameters"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("outgoing text message")
        verbose_name_plural = _("outgoing text messages")
        indexes = [models.Index(fields=["created_at"])]

    def __str__(self) -> str:
        return f"SMS {self.pk} ({self.purpose})"
