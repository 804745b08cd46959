"""Zip-based uploads (xlsx, docx, zip) checked for expansion before they are
stored: a file of a few hundred kilobytes can declare gigabytes inside (a "zip
bomb") that a later reader — a spreadsheet library, a search indexer, a
member's office suite — would unpack.

The limits are on what the archive's directory declares: the total uncompressed
size, the ratio of that to the file's size, and the number of entries.
"""

from __future__ import annotations

import zipfile
from typing import IO

from django.utils.translation import gettext

MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 100
MAX_ENTRIES = 1000


def archive_expansion_problem(file: IO[bytes], *, size: int) -> str | None:
    """Why the zip archive ``file`` (``size`` bytes) expands too far (in the
    active language), or None when it stays within the limits (or is no zip
    archive at all). Procurement attachments (``members.enquiries``) and the
    admin's document and image uploads (``cms.forms``) ask it."""
    position = file.tell()
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        file.seek(position)
    if len(entries) > MAX_ENTRIES:
        return gettext("The archive holds more than {count} files.").format(
            count=MAX_ENTRIES
        )
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        return gettext("The archive expands beyond {size} MB.").format(
            size=MAX_UNCOMPRESSED_BYTES // (1024 * 1024)
        )
    if total > MAX_RATIO * max(size, 1):
        return gettext("The archive expands more than {ratio} times.").format(
            ratio=MAX_RATIO
        )
    return None
