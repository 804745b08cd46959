"""``/api/v1/me/favorites/``, ``/me/footprints/``, ``/me/downloads/`` and
``/api/v1/documents/{id}/download/``. Thin: validate, call ``members.activity``,
serialize."""

from __future__ import annotations

from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.errors import NotFound
from core.files import private_file_response
from members.activity import selectors, services
from members.activity.models import PageKind

from ..accounts.views import MemberAPIView
from ..locales import requested_language
from ..pagination import PageNumberPagination
from ..permissions import MemberRequest
from ..schema import LOCALE_PARAMETER
from .serializers import (
    DownloadOutSerializer,
    FavoriteInSerializer,
    FavoriteOutSerializer,
    FootprintOutSerializer,
)

TAGS = ["me"]

TYPE_PARAMETER = OpenApiParameter(
    "type", str, enum=PageKind.values, description="Only products or only guides."
)


class FavoriteListView(MemberAPIView):
    # Lets the schema document the paginated envelope and page parameters.
    pagination_class = PageNumberPagination

    @extend_schema(
        parameters=[TYPE_PARAMETER, LOCALE_PARAMETER],
        responses=FavoriteOutSerializer(many=True),
        tags=TAGS,
        operation_id="me_favorites_list",
        description="Newest first. Each item is shown in `?locale=` (default: your "
        "preferred language), or in the language you saved it in when it has no "
        "such translation.",
    )
    def get(self, request: MemberRequest) -> Response:
        kind = request.query_params.get("type") or None
        if kind and kind not in PageKind.values:
            raise serializers.ValidationError(
                {"type": [gettext("Use product or guide.")]}, code="invalid_choice"
            )
        language = (
            requested_language(request)
            if "locale" in request.query_params
            else request.user.preferred_language
        )
        paginator = PageNumberPagination()
        favorites = selectors.favorites_of(user=request.user, kind=kind)
        page = paginator.paginate_queryset(favorites, request, view=self)
        cards = selectors.favorite_cards(favorites=page, language=language)
        context = {"request": request, "cards": cards}
        data = FavoriteOutSerializer(
            [f for f in page if f.pk in cards], many=True, context=context
        ).data
        return paginator.get_paginated_response(data)

    @extend_schema(
        request=FavoriteInSerializer,
        responses={201: FavoriteOutSerializer, 200: FavoriteOutSerializer},
        tags=TAGS,
        operation_id="me_favorites_add",
        description="201 when saved now, 200 when it already was (in any language): "
        "adding is idempotent.",
    )
    def post(self, request: MemberRequest) -> Response:
        data = FavoriteInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        favorite, created = services.favorite_add(
            user=request.user, page_id=data.validated_data["page"]
        )
        cards = selectors.favorite_cards(
            favorites=[favorite], language=request.user.preferred_language
        )
        context = {"request": request, "cards": cards}
        return Response(
            FavoriteOutSerializer(favorite, context=context).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


class FavoriteDetailView(MemberAPIView):
    consent_exempt_methods = ("DELETE",)  # deleting is a right (PIPL art. 47)

    @extend_schema(
        responses={204: None},
        tags=TAGS,
        operation_id="me_favorites_remove",
        description="Remove the favorite holding page `page_id` (any language "
        "version of the item). 404 when it is not one of your favorites.",
    )
    def delete(self, request: MemberRequest, page_id: int) -> Response:
        services.favorite_remove(user=request.user, page_id=page_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class FootprintListView(MemberAPIView):
    # Lets the schema document the paginated envelope and page parameters.
    pagination_class = PageNumberPagination
    consent_exempt_methods = ("DELETE",)  # clearing the history is a right

    @extend_schema(
        responses=FootprintOutSerializer(many=True),
        tags=TAGS,
        operation_id="me_footprints_list",
        description="Products and guides you viewed, newest first (at most 200). "
        "Nothing is recorded while `record_footprints` is off in your profile or "
        "a policy awaits your consent.",
    )
    def get(self, request: MemberRequest) -> Response:
        paginator = PageNumberPagination()
        footprints = selectors.footprints_of(user=request.user)
        page = paginator.paginate_queryset(footprints, request, view=self)
        cards = selectors.footprint_cards(footprints=page)
        context = {"request": request, "cards": cards}
        data = FootprintOutSerializer(
            [f for f in page if f.pk in cards], many=True, context=context
        ).data
        return paginator.get_paginated_response(data)

    @extend_schema(responses={204: None}, tags=TAGS, operation_id="me_footprints_clear")
    def delete(self, request: MemberRequest) -> Response:
        services.footprints_clear(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class FootprintDetailView(MemberAPIView):
    consent_exempt_methods = ("DELETE",)

    @extend_schema(
        responses={204: None}, tags=TAGS, operation_id="me_footprints_remove"
    )
    def delete(self, request: MemberRequest, pk: int) -> Response:
        services.footprint_remove(user=request.user, pk=pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DownloadListView(MemberAPIView):
    # Lets the schema document the paginated envelope and page parameters.
    pagination_class = PageNumberPagination
    consent_exempt_methods = ("DELETE",)  # deleting is a right (PIPL art. 47)

    @extend_schema(
        responses=DownloadOutSerializer(many=True),
        tags=TAGS,
        operation_id="me_downloads_list",
        description="Documents you downloaded, newest first.",
    )
    def get(self, request: MemberRequest) -> Response:
        paginator = PageNumberPagination()
        records = selectors.downloads_of(user=request.user)
        page = paginator.paginate_queryset(records, request, view=self)
        return paginator.get_paginated_response(
            DownloadOutSerializer(page, many=True).data
        )

    @extend_schema(
        responses={204: None},
        tags=TAGS,
        operation_id="me_downloads_clear",
        description="Delete all your download records.",
    )
    def delete(self, request: MemberRequest) -> Response:
        services.downloads_clear(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DownloadDetailView(MemberAPIView):
    consent_exempt_methods = ("DELETE",)

    @extend_schema(responses={204: None}, tags=TAGS, operation_id="me_downloads_remove")
    def delete(self, request: MemberRequest, pk: int) -> Response:
        services.download_record_remove(user=request.user, pk=pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DocumentDownloadView(APIView):
    """Anyone may call it; the document's audience decides."""

    @extend_schema(
        responses={
            200: OpenApiResponse(OpenApiTypes.BINARY, description="The file."),
            302: OpenApiResponse(
                description="Redirect to the file on a remote storage."
            ),
        },
        tags=["content"],
        operation_id="documents_download",
        description="Serves the file (an attachment) and, for a signed-in member, "
        "records the download. 401 for visitors when the document is members-only "
        "or in a collection restricted to signed-in users; 403 when a group or "
        "password restriction (on its collection or one above) excludes you.",
    )
    def get(self, request: Request, pk: int):
        document = services.document_for_download(
            document_id=pk, user=request.user, request=request._request
        )
        response = _file_response(document)
        services.download_record_create(user=request.user, document=document)
        # Never from a shared cache: it would skip the checks and the record.
        response["Cache-Control"] = "private, no-store"
        return response


def _file_response(document):
    """The file from the private storage (``core.files``): streamed, handed to the
    web server (``PRIVATE_MEDIA_SERVE``) or a redirect to a signed URL."""
    try:
        return private_file_response(
            document.file,
            filename=document.filename,
            content_type=document.content_type,
        )
    except FileNotFoundError as exc:
        raise NotFound(gettext("The file of this document is missing.")) from exc
