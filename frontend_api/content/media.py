"""Images as renditions and documents as download links (docs/architecture.md shapes).

Renditions must have been prefetched (``prefetch_renditions``); a rendition that
does not exist yet is generated once and then read from the database.

Every URL is absolute (on the API's host, or ``MEDIA_URL``'s when that is a
CDN): a frontend on another host uses them as they are. Alt text is in the
reader's language (``cms.models.image_alt``), which the view fixed on the
request (``frontend_api.locales.requested_locale``).
"""

from __future__ import annotations

from typing import Any

from rest_framework.request import Request

from core.i18n import source_language
from products.models import (
    OG_IMAGE_SPEC,
    RENDITION_SPECS,
    SOURCE_SPECS,
    THUMBNAIL_SPEC,
)

MIME_TYPES = {"avif": "image/avif", "webp": "image/webp"}


def absolute_url(request: Request | None, url: str) -> str:
    if request is not None and url.startswith("/"):
        return request.build_absolute_uri(url)
    return url


def reader_language(request: Request | None) -> str:
    """The language of the response being built (set on the request by
    ``requested_locale`` or by a view that took it from a path)."""
    locale = getattr(request, "_lubpur_locale", None) if request else None
    return locale.language_code if locale is not None else source_language()


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
        "alt": image.alt_for(reader_language(request)),
    }


def _sources(request, image, found) -> list[dict[str, Any]]:
    """``<picture>`` sources, best format first: ``{type, srcset, candidates}``;
    widths Wagtail could not reach (it never upscales) are listed once."""
    sources = []
    for fmt in dict.fromkeys(fmt for fmt, _width in SOURCE_SPECS):
        candidates: dict[int, dict[str, Any]] = {}
        for (each, _width), spec in SOURCE_SPECS.items():
            if each != fmt:
                continue
            rendition = found[spec]
            candidates.setdefault(
                rendition.width,
                {
                    "url": absolute_url(request, rendition.url),
                    "width": rendition.width,
                    "height": rendition.height,
                },
            )
        items = list(candidates.values())
        mime = MIME_TYPES.get(fmt) or _original_mime(image)
        sources.append(
            {
                "type": mime,
                "srcset": ", ".join(f"{c['url']} {c['width']}w" for c in items),
                "candidates": items,
            }
        )
    return sources


def _original_mime(image) -> str:
    name = (image.file.name or "").lower()
    for ext, mime in (
        (".png", "image/png"),
        (".gif", "image/gif"),
        (".webp", "image/webp"),
        (".avif", "image/avif"),
    ):
        if name.endswith(ext):
            return mime
    return "image/jpeg"


def image_set(request: Request | None, image) -> dict[str, Any] | None:
    """The image in every fixed size (``{thumbnail, medium, large}``), its
    responsive ``sources`` (WebP, AVIF and the original format by width), the
    focal point and the alt text in the reader's language."""
    if image is None:
        return None
    found = image.get_renditions(*RENDITION_SPECS.values(), *SOURCE_SPECS.values())
    data: dict[str, Any] = {
        name: _rendition_data(request, image, found[spec])
        for name, spec in RENDITION_SPECS.items()
    }
    data["alt"] = image.alt_for(reader_language(request))
    data["original_width"] = image.width
    data["original_height"] = image.height
    data["focal_point"] = (
        {
            "x": image.focal_point_x,
            "y": image.focal_point_y,
            "width": image.focal_point_width,
            "height": image.focal_point_height,
        }
        if image.has_focal_point()
        else None
    )
    data["sources"] = _sources(request, image, found)
    return data


def og_image(request: Request | None, image) -> dict[str, Any] | None:
    """The page's share image (``og:image``): 1200×630 around the focal point."""
    if image is None:
        return None
    return _rendition_data(
        request, image, image.get_renditions(OG_IMAGE_SPEC)[OG_IMAGE_SPEC]
    )


def document_download_path(document_id: int) -> str:
    return f"/api/v1/documents/{document_id}/download/"


def document_data(document, kind: str, request: Request | None = None) -> dict:
    return {
        "id": document.pk,
        "title": document.title,
        "kind": kind,
        "language": document.language,
        "size": document.file_size or document.get_file_size(),
        "content_type": document.content_type,
        "download_url": absolute_url(request, document_download_path(document.pk)),
        "members_only": document.members_only,
    }
