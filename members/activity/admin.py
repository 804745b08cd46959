"""Wagtail hooks of activity (imported by ``members.wagtail_hooks``).

Wagtail's own document URL (``/documents/<id>/<name>``) honours collection
privacy but knows nothing of ``members_only``: refuse visitors there too, so the
flag cannot be bypassed by the admin's link.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import gettext
from wagtail import hooks


@hooks.register("before_serve_document")
def refuse_members_only_documents_to_visitors(document, request):
    if getattr(document, "members_only", False) and not request.user.is_authenticated:
        return HttpResponse(
            gettext("Sign in to download this document."),
            status=401,
            content_type="text/plain",
        )
    return None
