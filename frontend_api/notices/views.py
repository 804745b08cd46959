"""``/api/v1/me/notices/``: the security-incident and service-termination notices
sent to the member, and marking one read. Thin: call ``members.notices``."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from members.notices import services

from ..accounts.views import MemberAPIView
from ..pagination import PageNumberPagination
from ..permissions import MemberRequest
from .serializers import NoticeOutSerializer

TAGS = ["me"]


class NoticeListView(MemberAPIView):
    # Lets the schema document the paginated envelope and page parameters.
    pagination_class = PageNumberPagination

    @extend_schema(
        responses=NoticeOutSerializer(many=True),
        tags=TAGS,
        operation_id="me_notices_list",
        description="Notices sent to you (security incidents, service termination), "
        "newest first; `read_at` is null until you mark one read.",
    )
    def get(self, request: MemberRequest) -> Response:
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(
            services.notices_of(user=request.user), request, view=self
        )
        return paginator.get_paginated_response(
            NoticeOutSerializer(page, many=True).data
        )


class NoticeReadView(MemberAPIView):
    # Reading what we told you is no new collection: open in every consent state.
    consent_exempt_methods = ("POST",)

    @extend_schema(
        request=None,
        responses=NoticeOutSerializer,
        tags=TAGS,
        operation_id="me_notices_read",
        description="Mark the notice read (idempotent). 404 when it was not sent "
        "to you.",
    )
    def post(self, request: MemberRequest, pk: int) -> Response:
        delivery = services.notice_mark_read(user=request.user, pk=pk)
        return Response(NoticeOutSerializer(delivery).data)
