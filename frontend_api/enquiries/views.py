"""Enquiries: ``/api/v1/me/procurement-requests/`` (a member's requests for
quotation, their status, messages and attachments) and online consultation —
``POST /api/v1/consultations/`` for anyone (rate limited by the ``consultation``
throttle scope) and a member's own consultations with their threads under
``/api/v1/me/consultations/``. Thin: validate, call ``members.enquiries``,
serialize."""

from __future__ import annotations

import uuid

from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.errors import NotFound, PayloadTooLarge
from core.files import private_file_response
from members.enquiries import selectors, services
from members.enquiries.models import ConsultationStatus, ProcurementStatus
from members.enquiries.services.attachments import ATTACHMENT_MAX_BYTES

from ..accounts.views import MemberAPIView
from ..locales import requested_language
from ..pagination import PageNumberPagination
from ..permissions import MemberRequest, consent_require
from ..throttles import WriteRateThrottle
from .serializers import (
    AttachmentInSerializer,
    AttachmentOutSerializer,
    ConsultationCreatedSerializer,
    ConsultationDetailSerializer,
    ConsultationInSerializer,
    ConsultationMessageInSerializer,
    ConsultationMessageOutSerializer,
    ConsultationOutSerializer,
    MessageInSerializer,
    MessageOutSerializer,
    ProcurementRequestDetailSerializer,
    ProcurementRequestInSerializer,
    ProcurementRequestOutSerializer,
    StatusInSerializer,
)

ME_TAGS = ["me"]
CONSULTATION_TAGS = ["consultations"]

# --- procurement requests -----------------------------------------------------------

IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    str,
    location=OpenApiParameter.HEADER,
    required=False,
    description="Any unique string (e.g. a UUID) per request you mean to create: "
    "a retry with the same key and the same body returns the first request (200) "
    "instead of a duplicate; the same key with a different body is a 422 problem "
    "(`idempotency_key_reused`).",
)
STATUS_FILTER = OpenApiParameter("status", str, enum=ProcurementStatus.values)


class ProcurementRequestListView(MemberAPIView):
    # Lets the schema document the paginated envelope and page parameters.
    pagination_class = PageNumberPagination

    @extend_schema(
        parameters=[STATUS_FILTER],
        responses=ProcurementRequestOutSerializer(many=True),
        tags=ME_TAGS,
        operation_id="me_procurement_requests_list",
        description="Your procurement requests, newest first.",
    )
    def get(self, request: MemberRequest) -> Response:
        wanted = request.query_params.get("status") or None
        if wanted and wanted not in ProcurementStatus.values:
            raise serializers.ValidationError(
                {"status": [gettext("Unknown status.")]}, code="invalid_choice"
            )
        paginator = PageNumberPagination()
        found = selectors.procurement_requests_of(user=request.user, status=wanted)
        page = paginator.paginate_queryset(found, request, view=self)
        data = ProcurementRequestOutSerializer(
            page, many=True, context=_context(request, page or [])
        ).data
        return paginator.get_paginated_response(data)

    @extend_schema(
        parameters=[IDEMPOTENCY_KEY],
        request=ProcurementRequestInSerializer,
        responses={
            201: ProcurementRequestDetailSerializer,
            200: ProcurementRequestDetailSerializer,
        },
        tags=ME_TAGS,
        operation_id="me_procurement_requests_create",
        description="Submitted at once (sales are e-mailed) unless `submit` is "
        "false. Contact fields default to your profile.",
    )
    def post(self, request: MemberRequest) -> Response:
        data = ProcurementRequestInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        items = [dict(item) for item in values.pop("items")]
        submit = values.pop("submit")
        created_request, created = services.procurement_request_create(
            user=request.user,
            data=values,
            items=items,
            submit=submit,
            idempotency_key=request.headers.get("Idempotency-Key", ""),
            language=requested_language(request),
        )
        return _detail(
            request,
            created_request.pk,
            status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )


def _detail(
    request: MemberRequest, pk: int, code: int = status.HTTP_200_OK
) -> Response:
    found = selectors.procurement_request_get(user=request.user, pk=pk)
    data = ProcurementRequestDetailSerializer(found, context=_context(request, [found]))
    return Response(data.data, status=code)


def _context(request: MemberRequest, requests) -> dict:
    """What the request serializers need: the live version of every product
    the items name, in the request's language (two queries for any page)."""
    language = requested_language(request)
    ids = {item.product_id for rfq in requests for item in rfq.items.all()}
    products = selectors.product_versions(
        product_ids={pk for pk in ids if pk}, language=language
    )
    return {"request": request, "products": products, "language": language}


class ProcurementRequestDetailView(MemberAPIView):
    consent_exempt_methods = ("DELETE",)  # deleting is a right (PIPL art. 47)

    @extend_schema(
        responses=ProcurementRequestDetailSerializer,
        tags=ME_TAGS,
        operation_id="me_procurement_requests_retrieve",
        description="With items, attachments, status history and messages.",
    )
    def get(self, request: MemberRequest, pk: int) -> Response:
        return _detail(request, pk)

    @extend_schema(
        responses={204: None},
        tags=ME_TAGS,
        operation_id="me_procurement_requests_delete",
        description="Delete your request. Drafts, open and cancelled requests go "
        "entirely, with their files. A quoted or closed request is a business "
        "record kept for accounting: it stays without your personal data (no link "
        "to you, no contact, company, notes or files; your messages blanked) and "
        "leaves your list either way.",
    )
    def delete(self, request: MemberRequest, pk: int) -> Response:
        found = selectors.procurement_request_get(user=request.user, pk=pk)
        services.procurement_request_delete(request=found)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProcurementStatusView(MemberAPIView):
    # Cancelling is always possible; submitting a draft is new collection.
    consent_exempt_methods = ("POST",)

    @extend_schema(
        request=StatusInSerializer,
        responses=ProcurementRequestDetailSerializer,
        tags=ME_TAGS,
        operation_id="me_procurement_requests_status",
        description="Submit a draft, or cancel a request before it is quoted. "
        "Any other move is a 409 `invalid_transition`.",
    )
    def post(self, request: MemberRequest, pk: int) -> Response:
        data = StatusInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if data.validated_data["status"] != ProcurementStatus.CANCELLED:
            consent_require(request)
        found = selectors.procurement_request_get(user=request.user, pk=pk)
        services.procurement_request_transition(
            request=found,
            to_status=data.validated_data["status"],
            actor=request.user,
            by_staff=False,
        )
        return _detail(request, pk)


class ProcurementMessageView(MemberAPIView):
    @extend_schema(
        responses=MessageOutSerializer(many=True),
        tags=ME_TAGS,
        operation_id="me_procurement_requests_messages_list",
    )
    def get(self, request: MemberRequest, pk: int) -> Response:
        found = selectors.procurement_request_get(user=request.user, pk=pk)
        return Response(MessageOutSerializer(found.messages.all(), many=True).data)

    @extend_schema(
        request=MessageInSerializer,
        responses={201: MessageOutSerializer},
        tags=ME_TAGS,
        operation_id="me_procurement_requests_messages_create",
        description="Write to sales (e-mailed to them). 409 `draft` before submit.",
    )
    def post(self, request: MemberRequest, pk: int) -> Response:
        data = MessageInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        found = selectors.procurement_request_get(user=request.user, pk=pk)
        message = services.procurement_message_add(
            request=found,
            author=request.user,
            body=data.validated_data["body"],
            from_staff=False,
        )
        return Response(
            MessageOutSerializer(message).data, status=status.HTTP_201_CREATED
        )


class ProcurementAttachmentView(MemberAPIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": AttachmentInSerializer},
        responses={201: AttachmentOutSerializer},
        tags=ME_TAGS,
        operation_id="me_procurement_requests_attachments_create",
        description="One file per call, at most 5 per request. 413 above 10 MB, "
        "415 unless the content is a PDF, XLSX, JPEG or PNG (matching its name), "
        "409 once the request is quoted, closed or cancelled.",
    )
    def post(self, request: MemberRequest, pk: int) -> Response:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > ATTACHMENT_MAX_BYTES + 64 * 1024:
            # Refused from the header alone, before the body is read.
            raise PayloadTooLarge(
                gettext("An attachment may be at most 10 MB."),
                code="attachment_too_large",
            )
        found = selectors.procurement_request_get(user=request.user, pk=pk)
        data = AttachmentInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        attachment = services.procurement_attachment_add(
            request=found, upload=data.validated_data["file"]
        )
        return Response(
            AttachmentOutSerializer(attachment, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class ProcurementAttachmentFileView(MemberAPIView):
    @extend_schema(
        responses={
            200: OpenApiResponse(OpenApiTypes.BINARY, description="The file."),
            302: OpenApiResponse(description="Redirect to a signed, expiring URL."),
        },
        tags=ME_TAGS,
        operation_id="me_procurement_requests_attachments_download",
        description="The attached file (only yours: another member's is 404).",
    )
    def get(self, request: MemberRequest, pk: int, attachment_pk: int):
        attachment = selectors.procurement_attachment_get(
            user=request.user, request_pk=pk, pk=attachment_pk
        )
        try:
            return private_file_response(
                attachment.file,
                filename=attachment.original_name,
                content_type=attachment.content_type,
            )
        except FileNotFoundError as exc:
            raise NotFound(gettext("The file of this attachment is missing.")) from exc


# --- consultations ------------------------------------------------------------------


class ConsultationCreateView(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [WriteRateThrottle]
    throttle_scope = "consultation"

    @extend_schema(
        request=ConsultationInSerializer,
        responses={201: ConsultationCreatedSerializer},
        tags=CONSULTATION_TAGS,
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
        consultation = services.consultation_create(
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
    def get(self, request: MemberRequest) -> Response:
        paginator = self.pagination_class()
        found = selectors.consultations_of(user=request.user)
        page = paginator.paginate_queryset(found, request, view=self)
        return paginator.get_paginated_response(
            ConsultationOutSerializer(page, many=True).data
        )


class MyConsultationDetailView(MemberAPIView):
    consent_exempt_methods = ("DELETE",)  # deleting is a right (PIPL art. 47)

    @extend_schema(
        responses=ConsultationDetailSerializer,
        tags=ME_TAGS,
        operation_id="me_consultations_retrieve",
        description="With its thread, oldest message first.",
    )
    def get(self, request: MemberRequest, pk: int) -> Response:
        found = selectors.consultation_get(user=request.user, pk=pk)
        return Response(ConsultationDetailSerializer(found).data)

    @extend_schema(
        responses={204: None},
        tags=ME_TAGS,
        operation_id="me_consultations_delete",
        description="Delete your consultation with its whole thread.",
    )
    def delete(self, request: MemberRequest, pk: int) -> Response:
        found = selectors.consultation_get(user=request.user, pk=pk)
        services.consultation_delete(consultation=found)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MyConsultationMessageView(MemberAPIView):
    @extend_schema(
        request=ConsultationMessageInSerializer,
        responses={201: ConsultationMessageOutSerializer},
        tags=ME_TAGS,
        operation_id="me_consultations_messages_create",
        description="Follow up (staff are e-mailed; an answered consultation "
        "opens again). 409 `closed` once staff closed it.",
    )
    def post(self, request: MemberRequest, pk: int) -> Response:
        data = ConsultationMessageInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        found = selectors.consultation_get(user=request.user, pk=pk)
        message = services.consultation_message_add(
            consultation=found,
            author=request.user,
            body=data.validated_data["body"],
            from_staff=False,
        )
        return Response(
            ConsultationMessageOutSerializer(message).data,
            status=status.HTTP_201_CREATED,
        )
