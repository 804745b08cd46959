"""Wagtail hooks of activity (imported by ``members.wagtail_hooks``).

Wagtail's own document URL (``/documents/<id>/<name>``) honours collection
privacy but knows nothing of ``members_only``: refuse visitors there too, so the
flag cannot be bypassed by the admin's link. Once every check has passed, the
file leaves the way the API's download does (``core.files``: streamed, handed
to the web server by ``PRIVATE_MEDIA_SERVE``, or a redirect to a signed URL).
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.utils.translation import gettext
from wagtail import hooks

from core.files import private_file_response


@hooks.register("before_serve_document")
def refuse_members_only_documents_to_visitors(document, request):
    if getattr(document, "members_only", False) and not request.user.is_authenticated:
        return HttpResponse(
            gettext("Sign in to download this document."),
            status=401,
            content_type="text/plain",
        )
    return None


@hooks.register("before_serve_document", order=1000)
def serve_from_private_storage(document, request):
    """Last of the hooks: the collection's restrictions and the audience passed."""
    try:
        return private_file_response(
            document.file,
            filename=document.filename,
            content_type=document.content_type,
        )
    except FileNotFoundError as exc:
        raise Http404(gettext("The file of this document is missing.")) from exc
