"""Images as renditions and documents as download links (docs/architecture.md shapes).

Renditions must have been prefetched (``prefetch_renditions``); a rendition that
does not exist yet is generated once and then read from the database.
"""

from __future__ import annotations

from typing import Any

from rest_framework.request import Request

from products.models import RENDITION_SPECS, THUMBNAIL_SPEC


def absolute_url(request: Request | None, url: str) -> str:
    if request is not None and url.startswith("/"):
        return request.build_absolute_uri(url)
    return url


def rendition(request: Request | None, image, spec: str = THUMBNAIL_SPEC):
    """``{id, url, width, height, alt}`` of one rendition, or None without image."""
    if image is None:
        return None
    found = image.get_renditions(spec)[spec]
    return _rendition_data(request, image, found)


def _rendition_data(request, image, found) -> dict[str, Any]:
    return {
        "id": image.pk,
        "url": absolute_url(request, found.url),
        "width": found.width,
        "height": found.height,
        "alt": image.default_alt_text,
    }


def image_set(request: Request | None, image) -> dict[str, Any] | None:
    """The image in every fixed size: ``{thumbnail, medium, large}``."""
    if image is None:
        return None
    found = image.get_renditions(*RENDITION_SPECS.values())
    return {
        name: _rendition_data(request, image, found[spec])
        for name, spec in RENDITION_SPECS.items()
    }


def document_download_path(document_id: int) -> str:
    return f"/api/v1/documents/{document_id}/download/"


def document_data(document, kind: str) -> dict[str, Any]:
    return {
        "id": document.pk,
        "title": document.title,
        "kind": kind,
        "language": document.language,
        "size": document.file_size or document.get_file_size(),
        "content_type": document.content_type,
        "download_url": document_download_path(document.pk),
        "members_only": document.members_only,
    }
