"""The languages the site is written in, read from settings in one place.

``LUBPUR_SOURCE_LANGUAGE`` (``config/settings/base.py``) is the language editors write
in and wagtail-localize translates from; every rule that needs it calls
``source_language()`` instead of keeping its own copy.
"""

from __future__ import annotations

from django.conf import settings


def source_language() -> str:
    """The source locale's language code (``zh-hans`` on this site)."""
    return settings.LUBPUR_SOURCE_LANGUAGE


def content_languages() -> list[str]:
    """The language codes content is served in, the source language first."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
