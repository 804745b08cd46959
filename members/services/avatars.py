"""Avatar uploads: checked, re-encoded with Pillow (metadata stripped), thumbnailed.

Type and size are checked before anything is stored: more than
``AVATAR_MAX_BYTES`` → ``PayloadTooLarge`` (413); anything Pillow does not decode as
JPEG, PNG or WebP → ``UnsupportedMediaType`` (415). The decoded pixels are written
into a new file, so EXIF (GPS position, camera serial …), ICC and XMP metadata never
reach storage.
"""

from __future__ import annotations

import io
import uuid
import warnings

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from PIL import Image, ImageOps, UnidentifiedImageError

from core.errors import PayloadTooLarge, UnsupportedMediaType
from members.models import User

AVATAR_MAX_BYTES = 2 * 1024 * 1024
AVATAR_MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
SIZES = {"avatar": 1024, "avatar_medium": 256, "avatar_small": 64}


def _open_checked(upload: UploadedFile) -> Image.Image:
    if upload.size is not None and upload.size > AVATAR_MAX_BYTES:
        raise PayloadTooLarge("An avatar may be at most 2 MB.", code="avatar_too_large")
    data = upload.read(AVATAR_MAX_BYTES + 1)
    if len(data) > AVATAR_MAX_BYTES:
        raise PayloadTooLarge("An avatar may be at most 2 MB.", code="avatar_too_large")
    unsupported = UnsupportedMediaType(
        "Upload a JPEG, PNG or WebP image.", code="unsupported_image_type"
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
