"""The page type the API names (``app_label.ModelName``). Frontend paths of pages
are ``core.pages``'s (one rule for the API, e-mails and Wagtail's own URLs)."""

from __future__ import annotations

from wagtail.models import Page


def page_type(page: Page) -> str:
    """``app_label.ModelName`` of the page (``content_type`` fetched with it)."""
    model = page.content_type.model_class()
    return model._meta.label if model else page.content_type.app_label
