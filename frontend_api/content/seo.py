"""What every page's response carries for search engines and sharing: the
canonical URL, the Open Graph image and the breadcrumbs (``SeoFieldsSerializer``)."""

from __future__ import annotations

from typing import Any

from wagtail.models import Site

from cms.selectors import default_share_image, page_breadcrumbs
from core.pages import frontend_path, frontend_url, page_frontend_path
from products.models import OG_IMAGE_SPEC

from .media import og_image

SITE_SETTINGS_TAG = "snippet:cms.sitesettings"


def share_image(request, image, view=None):
    """The page's own picture, else the site settings' default share image
    (its choice and the image tagged on ``view``'s cached answer)."""
    if image is not None:
        return image
    if view is not None:
        view.cache_tag(SITE_SETTINGS_TAG)
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    fallback = default_share_image(site=site, spec=OG_IMAGE_SPEC)
    if fallback is not None and view is not None:
        view.cache_tag(f"image:{fallback.pk}")
    return fallback


def seo_data(request, page, image=None, crumbs=None, view=None) -> dict[str, Any]:
    """``canonical_url``, ``og_image`` (of ``image``, the page's own picture,
    else the site's default share image) and ``breadcrumbs`` of a page (one
    query for the ancestors, none when ``crumbs`` came with
    ``cms.selectors.page_relatives_and_links``)."""
    language = page.locale.language_code
    if crumbs is None:
        crumbs = page_breadcrumbs(page=page)
    return {
        "canonical_url": frontend_url(page_frontend_path(page)),
        "og_image": og_image(request, share_image(request, image, view)),
        "breadcrumbs": [
            {
                "id": row["id"],
                "title": row["title"],
                "path": frontend_path(row["url_path"], language),
            }
            for row in crumbs
        ],
    }
