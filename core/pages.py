"""Where a page lives: on the frontend, at ``/<language>/<path below the home>/``.

This is a headless site: Django serves no page, the frontend (``FRONTEND_URL``)
does, at the path docs/architecture.md fixes. ``FrontendPageMixin`` makes Wagtail's own
URL methods (``page.url``, ``full_url``, ``get_url()``, ``relative_url()``, so the
admin's "View live", wagtail-localize's live links, sitemaps and redirects) give
that address; the API and e-mails call ``page_frontend_path`` /
``page_frontend_url``, or ``frontend_path`` for pages known only by their
``url_path`` and language (rows of a ``.values()`` query), so this rule has one
implementation.
"""

from __future__ import annotations

from django.conf import settings

from core.i18n import content_languages, source_language


def path_below_home(url_path: str) -> str:
    """``/home/products/lp-hm46/`` → ``products/lp-hm46/`` (the home's own slug
    differs between locales; what follows it does not)."""
    parts = [part for part in url_path.split("/") if part][1:]
    return "/".join(parts) + "/" if parts else ""


def frontend_path(url_path: str, language: str) -> str:
    """The frontend path of a page known by its ``url_path`` and language."""
    return f"/{language}/{path_below_home(url_path)}"


def split_frontend_path(path: str) -> tuple[str, str]:
    """``/en/products/x/`` → ``("en", "products/x/")``: the inverse of
    ``frontend_path``; an unprefixed path is in the default language."""
    parts = [part for part in path.split("/") if part]
    if parts and parts[0].lower() in content_languages():
        language, parts = parts[0].lower(), parts[1:]
    else:
        language = source_language()
    return language, "/".join(parts) + "/" if parts else ""


def page_frontend_path(page) -> str:
    """The frontend path of any page, specific or not (no query when the page's
    locale was fetched with it)."""
    return frontend_path(page.url_path, page.locale.language_code)


def frontend_root_url() -> str:
    return settings.FRONTEND_URL.rstrip("/")


def page_frontend_url(page) -> str:
    """``FRONTEND_URL`` + the page's frontend path: the link e-mails carry."""
    return frontend_root_url() + page_frontend_path(page)


def frontend_url(path: str) -> str:
    """``FRONTEND_URL`` + a frontend path (canonical URLs, sitemaps)."""
    return frontend_root_url() + path


def brand_frontend_path(language: str, slug: str) -> str:
    """A brand's page on the frontend: ``/<language>/brands/<slug>/`` (brands
    are snippets, not pages: the frontend renders ``/api/v1/brands/<slug>/``)."""
    return f"/{language}/brands/{slug}/"


def category_frontend_path(language: str, path: str) -> str:
    """A category's page on the frontend: ``/<language>/categories/<slug
    path>/``, e.g. ``/en/categories/engine-oil/diesel/`` (rendered from
    ``/api/v1/categories/<slug path>/``)."""
    return f"/{language}/categories/{path}/"


class FrontendPageMixin:
    """Put before ``Page`` in every page model: Wagtail's URLs of the page are its
    frontend address.

    ``get_url_parts`` keeps Wagtail's answer for whether the page is routable
    (``None`` outside every site) and which site it belongs to, and replaces the
    root and path, which Wagtail would take from ``wagtail_serve`` (not mounted
    here). ``get_url`` is always the full URL: the frontend is another host than
    the admin, so a site-relative link would point at Django.
    """

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request=request)  # type: ignore[misc]
        if parts is None:
            return None
        return (parts[0], frontend_root_url(), page_frontend_path(self))

    def get_url(self, request=None, current_site=None):
        return self.get_full_url(request=request)  # type: ignore[attr-defined]

    url = property(get_url)

    def serve_preview(self, request, preview_mode):
        """The frontend's preview when one is configured and the page type has
        one (products, guides); otherwise the page rendered here (``core.preview``)
        so the preview pane never shows a browser error."""
        from core.preview import preview_response, preview_with_frontend

        headless = hasattr(self, "create_page_preview")  # wagtail-headless-preview
        if headless and preview_with_frontend():
            return super().serve_preview(request, preview_mode)  # type: ignore[misc]
        return preview_response(request, self)
