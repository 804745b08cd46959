"""Who may download a document: the members-only flag and Wagtail's collection
privacy (on the document's collection or any collection above it)."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

from core.errors import NotAuthenticated, NotFound, PermissionDenied


def document_for_download(*, document_id: int, user, request: HttpRequest):
    """The document ``user`` may download, or a typed error: ``NotFound`` (404),
    ``NotAuthenticated`` (401: sign in first) or ``PermissionDenied`` (403: a
    group or password restriction the user does not pass).

    ``request`` is the Django request; Wagtail's ``accept_request`` reads its
    session (password restrictions) and ``user`` (set here, since token
    authentication happens in DRF, after Django's middleware).
    """
    document = (
        get_document_model()
        .objects.select_related("collection")
        .filter(pk=document_id)
        .first()
    )
    if document is None:
        raise NotFound("No such document.")
    signed_in = bool(getattr(user, "is_authenticated", False))
    if document.members_only and not signed_in:
        raise NotAuthenticated(
            "Sign in to download this document.", code="members_only"
        )
    restrictions = CollectionViewRestriction.objects.filter(
        collection__in=document.collection.get_ancestors(inclusive=True)
    ).prefetch_related("groups")
    request.user = user
    for restriction in restrictions:
        if restriction.accept_request(request):
            continue
        if not signed_in:
            raise NotAuthenticated(
                "Sign in to download this document.", code="restricted"
            )
        raise PermissionDenied("You may not download this document.", code="restricted")
    return document
