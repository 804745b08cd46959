"""Account operations: the member's profile and avatar, their sessions, and
cancelling the account.

* ``member_profile_update`` — the member's own corrections (``PATCH /api/v1/me/``);
* ``avatar_set`` / ``avatar_remove`` — checked, re-encoded with Pillow (metadata
  stripped), thumbnailed: more than ``AVATAR_MAX_BYTES`` → ``PayloadTooLarge`` (413);
  anything Pillow does not decode as JPEG, PNG or WebP → ``UnsupportedMediaType``
  (415). The decoded pixels are written into a new file, so EXIF (GPS position,
  camera serial …), ICC and XMP metadata never reach storage;
* ``member_cancel`` — re-verifies the password, signs out every session, and runs the
  erasure pass of ``members.privacy.services`` (rows go, files go, what must be kept
  is anonymised). The e-mail and phone are freed, so they can register again;
* ``user_profile_export`` / ``user_anonymise`` — the user row's own exporter and
  eraser in the personal data registry (``members.accounts.privacy``).
"""

from __future__ import annotations

import base64
import io
import mimetypes
import uuid
import warnings
from typing import Any

from allauth.usersessions.models import UserSession
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext
from PIL import Image, ImageOps, UnidentifiedImageError
from wagtail.models import ModelLogEntry

from core import privacy
from core.errors import (
    Conflict,
    PayloadTooLarge,
    PermissionDenied,
    TooManyRequests,
    UnsupportedMediaType,
    ValidationFailed,
)
from members.mail import mail_queue
from members.privacy.services import member_data_erase

from .models import Member, User
from .phones import phone_normalize
from .ratelimits import password_check_failed, password_check_wait, retry_after

# --- profile ------------------------------------------------------------------------

EDITABLE_FIELDS = (
    "display_name",
    "phone",
    "wechat_id",
    "qq",
    "contact_address",
    "company_name",
    "company_address",
    "position",
    "preferred_language",
    "record_footprints",
)
# Settings, not personal data: changing them never collects anything new.
SETTING_FIELDS = ("preferred_language", "record_footprints")


def profile_additions(*, user: User, data: dict[str, Any]) -> list[str]:
    """The fields of ``data`` that would store personal data the member has not
    given yet (a blank field filled): new collection, which the consent gate
    refuses while a policy awaits consent. Changing or clearing a value already
    given is a correction (PIPL art. 46) and always allowed."""
    return sorted(
        name
        for name, value in data.items()
        if name not in SETTING_FIELDS
        and value not in (None, "")
        and getattr(user, name, None) in (None, "")
    )


def member_profile_update(*, user: User, data: dict[str, Any]) -> User:
    """Apply the member's own corrections (only ``EDITABLE_FIELDS``).

    A phone number is normalised to E.164 (mainland by default); an empty value
    removes it. A *new* number is not set here: ``member_phone_new`` takes it out
    of ``data`` and ``member_phone_change_start`` texts it a code first.
    """
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationFailed(
            gettext("These fields cannot be changed here."),
            errors=[
                {"code": "read_only", "detail": gettext("Not editable."), "attr": name}
                for name in sorted(unknown)
            ],
        )
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        fields = list(data)
        old_phone = user.phone
        for name, value in data.items():
            if name == "phone":
                value = _phone_or_none(value)
            setattr(user, name, value.strip() if isinstance(value, str) else value)
        user.full_clean(exclude=["password", "phone"])
        if user.phone and User.objects.filter(phone=user.phone).exclude(pk=user.pk):
            raise _phone_unavailable()
        if "phone" in data and user.phone != old_phone:
            user.phone_verified = False
            fields.append("phone_verified")
        try:
            with transaction.atomic():
                user.save(update_fields=fields)
        except IntegrityError as exc:  # a concurrent update took the number
            raise _phone_unavailable() from exc
    return user


def member_phone_new(*, user: User, data: dict[str, Any]) -> str | None:
    """The new number (E.164) in a profile update, taken out of ``data``; None when
    ``data`` keeps, removes or does not name the member's number (the same number
    typed differently stays verified)."""
    if "phone" not in data:
        return None
    phone = _phone_or_none(data["phone"])
    if phone is None or phone == user.phone:
        data["phone"] = phone
        return None
    del data["phone"]
    return phone


def member_phone_change_start(*, request: HttpRequest, user: User, phone: str) -> None:
    """Text a code to ``phone``; it becomes the member's (verified) number when
    the member confirms the code (``POST /api/v1/auth/{client}/v1/auth/phone/verify
    {code}``, allauth's phone change process, kept in ``request.session``).

    A number another account holds gets a code too and the same answer, so the
    answer tells nobody which numbers are registered; only the verification then
    refuses it (400 ``phone_taken``, without saying whose). At most one text a
    minute and ten an hour per number (allauth's ``verify_phone``): 429 otherwise.
    """
    from allauth.account.internal.flows.phone_verification import (
        ChangePhoneVerificationProcess,
    )
    from allauth.core.exceptions import RateLimited

    state = ChangePhoneVerificationProcess.initial_state(user=user, phone=phone)
    process = ChangePhoneVerificationProcess(request, state=state)
    try:
        process.send()
    except RateLimited as exc:
        wait = retry_after(request, action="verify_phone", key=phone) or 60
        raise TooManyRequests(
            gettext("Too many codes for this number. Try again in %(seconds)s s.")
            % {"seconds": wait},
            retry_after=wait,
        ) from exc


def _phone_or_none(value: Any) -> str | None:
    if value in (None, ""):
        return None
    try:
        return phone_normalize(str(value))
    except DjangoValidationError as exc:
        raise ValidationFailed(
            exc.messages[0],
            errors=[
                {"code": "invalid_phone", "detail": exc.messages[0], "attr": "phone"}
            ],
        ) from exc


def _phone_unavailable() -> Conflict:
    return Conflict(
        gettext("This mobile number cannot be used for your account."),
        code="phone_unavailable",
        errors=[
            {
                "code": "phone_unavailable",
                "detail": gettext(
                    "This mobile number cannot be used for your account."
                ),
                "attr": "phone",
            }
        ],
    )


# --- avatar ----------------------------------------------------------------------

AVATAR_MAX_BYTES = 2 * 1024 * 1024
AVATAR_MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
SIZES = {"avatar": 1024, "avatar_medium": 256, "avatar_small": 64}


def _open_checked(upload: UploadedFile) -> Image.Image:
    if upload.size is not None and upload.size > AVATAR_MAX_BYTES:
        raise PayloadTooLarge(
            gettext("An avatar may be at most 2 MB."), code="avatar_too_large"
        )
    data = upload.read(AVATAR_MAX_BYTES + 1)
    if len(data) > AVATAR_MAX_BYTES:
        raise PayloadTooLarge(
            gettext("An avatar may be at most 2 MB."), code="avatar_too_large"
        )
    unsupported = UnsupportedMediaType(
        gettext("Upload a JPEG, PNG or WebP image."), code="unsupported_image_type"
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(FORMATS))
            if image.width * image.height > AVATAR_MAX_PIXELS:
                raise unsupported
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise unsupported from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise unsupported from exc
    return image


def _encode(image: Image.Image, fmt: str, size: int, *, square: bool) -> bytes:
    if square:
        out = ImageOps.fit(image, (size, size), Image.Resampling.LANCZOS)
    else:
        out = image.copy()
        out.thumbnail((size, size), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    if fmt == "JPEG":
        out.convert("RGB").save(buffer, "JPEG", quality=88, optimize=True)
    elif fmt == "PNG":
        out.save(buffer, "PNG", optimize=True)
    else:
        out.save(buffer, "WEBP", quality=88)
    return buffer.getvalue()


def avatar_files_delete(*, user: User) -> None:
    """Remove the stored avatar files (after commit) and clear the fields."""
    names = [getattr(user, field).name for field in SIZES if getattr(user, field)]
    storage = User._meta.get_field("avatar").storage

    def remove() -> None:
        for name in names:
            storage.delete(name)

    for field in SIZES:
        setattr(user, field, "")
    transaction.on_commit(remove)


def avatar_set(*, user: User, upload: UploadedFile) -> User:
    """Replace the member's avatar with a re-encoded copy of ``upload``."""
    image = _open_checked(upload)
    fmt = image.format or "PNG"
    image = ImageOps.exif_transpose(image)  # keep the orientation, drop the tag
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    stem = uuid.uuid4().hex
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        avatar_files_delete(user=user)
        for field, size in SIZES.items():
            content = _encode(image, fmt, size, square=field != "avatar")
            getattr(user, field).save(
                f"{stem}-{size}.{FORMATS[fmt]}", ContentFile(content), save=False
            )
        user.save(update_fields=list(SIZES))
    return user


def avatar_remove(*, user: User) -> User:
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        avatar_files_delete(user=user)
        user.save(update_fields=list(SIZES))
    return user


# --- sessions and cancellation -----------------------------------------------------

ERASED_LABEL = "erased member"


def member_cache_keys(*, user: User) -> list[str]:
    """Cache keys that may hold the member's data (cleared on cancellation)."""
    return [f"members:user:{user.pk}", f"members:export:{user.pk}"]


def member_sessions_end(*, user: User, request: HttpRequest | None = None) -> int:
    """End every signed-in session and device of ``user`` (browser and app)."""
    sessions = list(UserSession.objects.filter(user=user))
    for session in sessions:
        session.end()
    if request is not None and hasattr(request, "session"):
        request.session.flush()
    return len(sessions)


def member_cancel(
    *, user: User, password: str, request: HttpRequest | None = None
) -> None:
    """Cancel the account of ``user`` after checking ``password``.

    A wrong password raises ``PermissionDenied`` (403) and nothing changes; after
    five in the window (per account, or ten per address) every try is refused with
    ``TooManyRequests`` (429), the right password too. The confirmation e-mail is
    rendered to the old address first and sent after commit.
    """
    wait = password_check_wait(request, user=user)
    if wait is not None:
        raise TooManyRequests(
            f"Too many attempts. Try again in {wait} seconds.", retry_after=wait
        )
    if not user.is_active or not user.check_password(password or ""):
        password_check_failed(request, user=user)
        raise PermissionDenied(
            gettext("The password is not correct."), code="password_incorrect"
        )
    if user.is_staff or user.is_superuser:
        raise PermissionDenied(
            gettext("Staff accounts are closed by an administrator in the admin."),
            code="staff_account",
        )
    email, language = user.email, user.preferred_language
    with transaction.atomic():
        member_sessions_end(user=user, request=request)
        member_data_erase(user=user)
        # Queued after erasure (which removes the member's waiting mail), tied to
        # no one: the row is deleted once the message is sent.
        mail_queue(
            to=email, template="account_cancelled", context={}, language=language
        )
    cache.delete_many(member_cache_keys(user=user))


# --- the user model's own exporter and eraser ------------------------------------

PROFILE_FIELDS = (
    "email",
    "display_name",
    "first_name",
    "last_name",
    "phone",
    "phone_verified",
    "wechat_id",
    "qq",
    "contact_address",
    "company_name",
    "company_address",
    "position",
    "preferred_language",
    "age_group",
    "record_footprints",
    "date_joined",
    "last_login",
)


def user_profile_export(user: User) -> dict[str, Any]:
    data = {name: privacy.json_value(getattr(user, name)) for name in PROFILE_FIELDS}
    data["customer_service"] = (
        str(user.customer_service) if user.customer_service_id else None
    )
    data["avatar"] = _avatar_export(user)
    return data


def _avatar_export(user: User) -> str | None:
    """The avatar itself, as a ``data:`` URI: it has no public URL (private
    storage), and the export stays whole without the account."""
    if not user.avatar:
        return None
    try:
        with user.avatar.open("rb") as file:
            content = file.read()
    except FileNotFoundError:
        return None
    kind = mimetypes.guess_type(user.avatar.name or "")[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(content).decode('ascii')}"


def user_anonymise(user: User) -> None:
    """Erase the profile, free the e-mail and phone, deactivate; keep the row (its
    id is the pseudonym other kept records point at)."""
    avatar_files_delete(user=user)
    user.email = f"erased-{uuid.uuid4().hex}@erased.invalid"
    user.phone = None
    user.phone_verified = False
    for name in (
        "first_name",
        "last_name",
        "display_name",
        "wechat_id",
        "qq",
        "contact_address",
        "company_name",
        "company_address",
        "position",
    ):
        setattr(user, name, "")
    user.customer_service = None
    user.is_active = False
    user.cancelled_at = timezone.now()
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    _forget_logged_names(user)


def _forget_logged_names(user: User) -> None:
    """Audit logs about the user's row (staff edits) name it by ``str(user)``;
    the *Members* screen logs against the ``Member`` proxy's content type."""
    content_type = ContentType.objects.get_for_model(User)
    member_type = ContentType.objects.get_for_model(Member, for_concrete_model=False)
    ModelLogEntry.objects.filter(
        content_type__in=[content_type, member_type], object_id=str(user.pk)
    ).update(label=ERASED_LABEL, data={})
    LogEntry.objects.filter(content_type=content_type, object_id=str(user.pk)).update(
        object_repr=ERASED_LABEL, change_message=""
    )
