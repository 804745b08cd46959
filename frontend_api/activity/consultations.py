"""Online consultation: ``POST /api/v1/consultations/`` for anyone (rate limited
by the ``consultation`` throttle scope), and a member's own consultations with
their threads under ``/api/v1/me/consultations/``. Thin: validate, call
``members``, serialize."""

from __future__ import annotations

import uuid

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from members import selectors
from members.models import ConsultationStatus
from members.services import consultations

from ..members.views import MemberAPIView
from ..pagination import PageNumberPagination
from ..throttles import WriteRateThrottle
from .consultation_serializers import (
    ConsultationCreatedSerializer,
    ConsultationDetailSerializer,
    ConsultationInSerializer,
    ConsultationMessageInSerializer,
    ConsultationMessageOutSerializer,
    ConsultationOutSerializer,
)

TAGS = ["consultations"]
ME_TAGS = ["me"]


class ConsultationCreateView(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [WriteRateThrottle]
    throttle_scope = "consultation"

    @extend_schema(
        request=ConsultationInSerializer,
        responses={201: ConsultationCreatedSerializer},
        tags=TAGS,
        operation_id="consultations_create",
        description="Ask a question (visitors and members). Give an e-mail or a "
        "phone (members default to their profile). Staff are e-mailed; replies come "
        "by e-mail in `locale`, and members also see them under "
        "`/api/v1/me/consultations/`. Rate limited (429 with `Retry-After`).",
    )
    def post(self, request: Request) -> Response:
        data = ConsultationInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        if values.get("website"):
            # A bot filled the hidden field: answer as usual, keep nothing.
            fake = {"reference": uuid.uuid4(), "status": ConsultationStatus.OPEN}
            return Response(
                ConsultationCreatedSerializer(fake).data, status.HTTP_201_CREATED
            )
        user = request.user if request.user.is_authenticated else None
        consultation = consultations.consultation_create(
            user=user,
            name=values.get("name", ""),
            email=values.get("email", ""),
            phone=values.get("phone", ""),
            message=values["message"],
            product_id=values.get("product"),
            locale=values.get("locale", ""),
        )
        return Response(
            ConsultationCreatedSerializer(consultation).data, status.HTTP_201_CREATED
        )


class MyConsultationListView(MemberAPIView):
    # Lets the schema document the paginated envelope and page parameters.
    pagination_class = PageNumberPagination

    @extend_schema(
        responses=ConsultationOutSerializer(many=True),
        tags=ME_TAGS,
        operation_id="me_consultations_list",
        description="Your consultations, newest first.",
    )
    def get(self, request: Request) -> Response:
        paginator = self.pagination_class()
        found = selectors.consultations_of(user=request.user)
        page = paginator.paginate_queryset(found, request, view=self)
        return paginator.get_paginated_response(
            ConsultationOutSerializer(page, many=True).data
        )


class MyConsultationDetailView(MemberAPIView):
    @extend_schema(
        responses=ConsultationDetailSerializer,
        tags=ME_TAGS,
        operation_id="me_consultations_retrieve",
        description="With its thread, oldest message first.",
    )
    def get(self, request: Request, pk: int) -> Response:
        found = selectors.consultation_get(user=request.user, pk=pk)
        return Response(ConsultationDetailSerializer(found).data)


class MyConsultationMessageView(MemberAPIView):
    @extend_schema(
        request=ConsultationMessageInSerializer,
        responses={201: ConsultationMessageOutSerializer},
        tags=ME_TAGS,
        operation_id="me_consultations_messages_create",
        description="Follow up (staff are e-mailed; an answered consultation "
        "opens again). 409 `closed` once staff closed it.",
    )
    def post(self, request: Request, pk: int) -> Response:
        data = ConsultationMessageInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        found = selectors.consultation_get(user=request.user, pk=pk)
        message = consultations.consultation_message_add(
            consultation=found,
            author=request.user,
            body=data.validated_data["body"],
            from_staff=False,
        )
        return Response(
            ConsultationMessageOutSerializer(message).data,
            status=status.HTTP_201_CREATED,
        )
