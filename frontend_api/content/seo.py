"""What every page's response carries for search engines and sharing: the
canonical URL, the Open Graph image and the breadcrumbs (``SeoFieldsSerializer``)."""

from __future__ import annotations

from typing import Any

from cms.selectors import page_breadcrumbs
from core.pages import frontend_path, frontend_url, page_frontend_path

from .media import og_image


def seo_data(request, page, image=None, crumbs=None) -> dict[str, Any]:
    """``canonical_url``, ``og_image`` (of ``image``, the page's own picture)
    and ``breadcrumbs`` of a page (one query for the ancestors, none when
    ``crumbs`` came with ``cms.selectors.page_relatives``)."""
    language = page.locale.language_code
    if crumbs is None:
        crumbs = page_breadcrumbs(page=page)
    return {
        "canonical_url": frontend_url(page_frontend_path(page)),
        "og_image": og_image(request, image),
        "breadcrumbs": [
            {
                "id": row["id"],
                "title": row["title"],
                "path": frontend_path(row["url_path"], language),
            }
            for row in crumbs
        ],
    }
