"""Preview without a frontend: the admin's preview pane shows the page itself.

With a frontend configured (``PREVIEW_WITH_FRONTEND``, on when ``FRONTEND_URL`` or
``HEADLESS_PREVIEW_URL`` is set), products and guides preview headlessly as
before: wagtail-headless-preview opens the frontend with a token. Without one —
a first run, a demo, an editor's laptop — the pane would load
``localhost:3000`` and show a browser error, so ``FrontendPageMixin.serve_preview``
renders ``cms/preview/<model>.html`` instead (``cms/preview/page.html`` when a
type has none), fed by the data the API serves for that page.

The data comes from the layer that owns it, registered at start-up (core imports
nothing above it): ``frontend_api`` registers products and guides (their detail
serializers), ``legal`` policies (the HTML a version freezes), ``cms`` the home.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

PreviewData = Callable[[HttpRequest, Any], dict[str, Any]]
_data_sources: dict[str, PreviewData] = {}


def preview_data_register(model_label: str, source: PreviewData) -> None:
    """``source(request, page)`` returns what the preview template shows of a
    page of ``model_label`` (``"products.ProductPage"``)."""
    _data_sources[model_label] = source


def preview_with_frontend() -> bool:
    return bool(getattr(settings, "PREVIEW_WITH_FRONTEND", False))


def preview_response(request: HttpRequest, page: Any) -> HttpResponse:
    """The page (in-memory draft) rendered for the preview pane."""
    source = _data_sources.get(page._meta.label)
    data = source(request, page) if source is not None else {}
    templates = [f"cms/preview/{page._meta.model_name}.html", "cms/preview/page.html"]
    return render(
        request,
        templates,
        {"page": page, "data": data, "language": page.locale.language_code},
    )
