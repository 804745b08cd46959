"""Frontend paths of pages: ``/<language>/<path below the home>/`` (CONTRACTS.md).

Computed from ``url_path`` and the page's locale, so no query is needed when the
locale was fetched with the page (``select_related("locale")``).
"""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Page

LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE


def path_below_home(url_path: str) -> str:
    """``/home/products/lp-hm46/`` → ``products/lp-hm46/`` (the home's own slug
    differs between locales; what follows it does not)."""
    parts = [part for part in url_path.split("/") if part][1:]
    return "/".join(parts) + "/" if parts else ""


def frontend_path(page: Page, language: str | None = None) -> str:
    language = language or page.locale.language_code
    return frontend_path_for(page.url_path, language)


def frontend_path_for(url_path: str, language: str) -> str:
    """The frontend path of a page known only by its ``url_path`` and language."""
    return f"/{language}/{path_below_home(url_path)}"


def split_frontend_path(path: str) -> tuple[str, str]:
    """``/en/products/x/`` → ``("en", "products/x/")``; an unprefixed path is in
    the default language."""
    parts = [part for part in path.split("/") if part]
    if parts and parts[0].lower() in LANGUAGES:
        language, parts = parts[0].lower(), parts[1:]
    else:
        language = DEFAULT_LANGUAGE
    return language, "/".join(parts) + "/" if parts else ""


def page_type(page: Page) -> str:
    """``app_label.ModelName`` of the page (``content_type`` fetched with it)."""
    model = page.content_type.model_class()
    return model._meta.label if model else page.content_type.app_label
