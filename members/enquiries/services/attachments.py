"""Attachments of procurement requests: at most 5 per request, 10 MB each, and
only PDF, XLSX, JPEG or PNG — judged by the file's first bytes, not its name, and
refused before anything is stored. An XLSX is a zip archive: one that expands
too far (``core.archives``) is refused too (413)."""

from __future__ import annotations

import zipfile

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext

from core.archives import archive_expansion_problem
from core.errors import Conflict, PayloadTooLarge, UnsupportedMediaType

from ..models import ProcurementAttachment, ProcurementRequest, ProcurementStatus

MAX_ATTACHMENTS = 5
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# content type → the file name endings that may carry it
ALLOWED = {
    "application/pdf": {"pdf"},
    XLSX: {"xlsx"},
    "image/jpeg": {"jpg", "jpeg"},
    "image/png": {"png"},
}
OPEN_STATUSES = {
    ProcurementStatus.DRAFT,
    ProcurementStatus.SUBMITTED,
    ProcurementStatus.PROCESSING,
}


def sniff_content_type(upload: UploadedFile) -> str | None:
    """The real type of ``upload`` from its content, or None when not allowed."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"PK\x03\x04") and _is_xlsx(upload):
        return XLSX
    return None


def _is_xlsx(upload: UploadedFile) -> bool:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and "xl/workbook.xml" in names


def procurement_attachment_add(
    *, request: ProcurementRequest, upload: UploadedFile
) -> ProcurementAttachment:
    """Store ``upload`` with the request, or raise 413 (too big), 415 (not a PDF,
    XLSX, JPEG or PNG, or a name that does not match its content) or 409 (five
    already, or the request is no longer open)."""
    name, size = upload.name, upload.size
    # Django names and sizes every uploaded file; the stubs allow None for others.
    assert name is not None and size is not None  # noqa: S101
    if size > ATTACHMENT_MAX_BYTES:
        raise PayloadTooLarge(
            gettext("An attachment may be at most 10 MB."), code="attachment_too_large"
        )
    content_type = sniff_content_type(upload)
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if content_type is None or suffix not in ALLOWED[content_type]:
        raise UnsupportedMediaType(
            gettext("Attach a PDF, XLSX, JPG or PNG file."), code="attachment_type"
        )
    if content_type == XLSX:
        expands = archive_expansion_problem(upload, size=size)
        if expands:
            raise PayloadTooLarge(expands, code="attachment_expands")
    with transaction.atomic():
        locked = ProcurementRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status not in OPEN_STATUSES:
            raise Conflict(
                gettext("This request is closed for changes."), code="not_open"
            )
        if locked.attachments.count() >= MAX_ATTACHMENTS:
            raise Conflict(
                gettext("At most {count} attachments.").format(count=MAX_ATTACHMENTS),
                code="too_many_attachments",
            )
        attachment = ProcurementAttachment(
            request=locked,
            original_name=name[-255:],
            content_type=content_type,
            size=size,
        )
        attachment.file.save(name, upload, save=False)
        attachment.save()
    return attachment


def procurement_attachments_delete(*, request) -> int:
    """Delete a request's attachments with their files; how many went."""
    attachments = list(request.attachments.all())
    for attachment in attachments:
        attachment.file.delete(save=False)
        attachment.delete()
    return len(attachments)
