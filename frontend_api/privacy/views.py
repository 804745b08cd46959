"""``/api/v1/me/…``: the member's data export and privacy requests. Thin: validate,
call ``members.privacy``, serialize."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response

from members.privacy import selectors, services

from ..accounts.views import MemberAPIView
from ..pagination import PageNumberPagination
from ..permissions import MemberRequest
from .serializers import PrivacyRequestInSerializer, PrivacyRequestOutSerializer

TAGS = ["me"]


class ExportView(MemberAPIView):
    @extend_schema(
        responses={
            200: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="`{generated_at, user_id, data: {<table>: …}}` — every "
                "registered table of personal data.",
            )
        },
        tags=TAGS,
        operation_id="me_export",
    )
    def get(self, request: MemberRequest) -> Response:
        export = services.member_data_export(user=request.user)
        return Response(
            export,
            headers={"Content-Disposition": 'attachment; filename="my-data.json"'},
        )


class PrivacyRequestListView(MemberAPIView):
    # Lets the schema document the paginated envelope and page parameters.
    pagination_class = PageNumberPagination

    consent_exempt_methods = ("POST",)

    @extend_schema(
        responses=PrivacyRequestOutSerializer(many=True),
        tags=TAGS,
        operation_id="me_privacy_requests_list",
    )
    def get(self, request: MemberRequest) -> Response:
        paginator = PageNumberPagination()
        queryset = selectors.privacy_requests_of(user=request.user)
        page = paginator.paginate_queryset(queryset, request, view=self)
        data = PrivacyRequestOutSerializer(page, many=True).data
        return paginator.get_paginated_response(data)

    @extend_schema(
        request=PrivacyRequestInSerializer,
        responses={201: PrivacyRequestOutSerializer},
        tags=TAGS,
        operation_id="me_privacy_requests_create",
    )
    def post(self, request: MemberRequest) -> Response:
        data = PrivacyRequestInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        created = services.privacy_request_create(
            user=request.user, **data.validated_data
        )
        return Response(
            PrivacyRequestOutSerializer(created).data, status=status.HTTP_201_CREATED
        )


class PrivacyRequestDetailView(MemberAPIView):
    @extend_schema(
        responses=PrivacyRequestOutSerializer,
        tags=TAGS,
        operation_id="me_privacy_requests_retrieve",
    )
    def get(self, request: MemberRequest, pk: int) -> Response:
        found = selectors.privacy_request_get(user=request.user, pk=pk)
        return Response(PrivacyRequestOutSerializer(found).data)
