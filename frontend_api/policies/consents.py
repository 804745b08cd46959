"""Consent endpoints: a member's consents to policies (``/me/consents/``), their
optional purposes (``/me/consents/purposes/``) and visitor receipts."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from core.clients import client_details
from core.errors import NotFound
from legal import selectors, services
from legal.models import ConsentRecord

from ..locales import requested_language
from ..permissions import IsMember, MemberRequest
from ..throttles import WriteRateThrottle
from . import serializers as s

TAGS = ["consents"]
STALE = OpenApiResponse(
    description="`code: stale_version`: not the current version "
    "(`current_version` names it)."
)


def _receipt(record: ConsentRecord, policy_slug: str) -> dict[str, Any]:
    return {
        "receipt_id": record.receipt_id,
        "policy": policy_slug,
        "version": record.version.label if record.version else None,
        "action": record.action,
        "locale": record.locale,
        "channel": record.channel,
        "created_at": record.created_at,
    }


def _version(slug: str, label: str):
    policy = selectors.policy_by_slug(slug=slug)
    try:
        return selectors.version_by_label(policy=policy, label=label)
    except NotFound:
        raise NotFound(
            gettext("Policy {slug!r} has no version {label!r}.").format(
                slug=slug, label=label
            )
        ) from None


class MyConsentsView(APIView):
    """The signed-in member's consent to each policy, and accepting one."""

    permission_classes = [IsMember]
    # Reading and giving consent must work while a policy awaits consent.
    consent_exempt_methods = ("GET", "POST")

    @extend_schema(responses=s.MyConsentsSerializer, tags=TAGS)
    def get(self, request: MemberRequest) -> Response:
        results = []
        for status_ in selectors.consent_statuses(user=request.user):
            record = status_.record
            results.append(
                {
                    "policy": status_.policy.slug,
                    "title": status_.policy.title,
                    "accepted_version": status_.accepted.label
                    if status_.accepted
                    else None,
                    "accepted_at": record.created_at
                    if record and status_.accepted
                    else None,
                    "receipt_id": record.receipt_id if record else None,
                    "withdrawn": bool(
                        record and record.action == ConsentRecord.Action.WITHDRAWN
                    ),
                    "current_version": status_.current.label,
                    "latest_material_version": status_.latest_material.label
                    if status_.latest_material
                    else None,
                    "requires_consent": status_.requires_consent,
                }
            )
        payload = {
            "results": results,
            "purposes": services.purpose_consents(user=request.user),
        }
        return Response(s.MyConsentsSerializer(payload).data)

    @extend_schema(
        request=s.AcceptInSerializer,
        responses={201: s.ReceiptSerializer, 409: STALE},
        tags=TAGS,
    )
    def post(self, request: MemberRequest) -> Response:
        data = s.AcceptInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        version = _version(values["policy"], values["version"])
        record = services.consent_accept(
            user=request.user,
            version=version,
            locale=values.get("locale") or requested_language(request),
            channel=values["channel"],
            **client_details(request),
        )
        body = s.ReceiptSerializer(_receipt(record, values["policy"])).data
        return Response(body, status=status.HTTP_201_CREATED)


class MyConsentWithdrawView(APIView):
    """Withdraw the signed-in member's consent to a policy."""

    permission_classes = [IsMember]
    consent_exempt_methods = ("POST",)

    @extend_schema(
        request=s.WithdrawInSerializer,
        responses={
            201: s.ReceiptSerializer,
            409: OpenApiResponse(description="`code: not_accepted`."),
        },
        tags=TAGS,
    )
    def post(self, request: MemberRequest) -> Response:
        data = s.WithdrawInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        policy = selectors.policy_by_slug(slug=values["policy"])
        record = services.consent_withdraw(
            user=request.user,
            policy=policy,
            channel=values["channel"],
            **client_details(request),
        )
        body = s.ReceiptSerializer(_receipt(record, policy.slug)).data
        return Response(body, status=status.HTTP_201_CREATED)


class MyPurposesView(APIView):
    """The member's optional purposes: marketing e-mail, e-mail open/click tracking,
    personalised recommendations. Each is given and withdrawn on its own and is
    never a condition for using the platform."""

    permission_classes = [IsMember]

    @extend_schema(
        responses=s.PurposeStateSerializer(many=True),
        tags=TAGS,
        operation_id="me_consent_purposes_list",
    )
    def get(self, request: MemberRequest) -> Response:
        states = selectors.purpose_states(
            user=request.user, purposes=services.OPTIONAL_PURPOSES
        )
        return Response(
            s.PurposeStateSerializer(
                [dataclasses.asdict(state) for state in states], many=True
            ).data
        )


class MyPurposeView(APIView):
    """Grant or withdraw one optional purpose."""

    permission_classes = [IsMember]
    throttle_classes = [WriteRateThrottle]
    # A consent answer: giving or withdrawing it works while a policy awaits consent.
    consent_exempt_methods = ("PUT",)

    @extend_schema(
        request=s.PurposeInSerializer,
        responses={
            200: s.PurposeStateSerializer,
            404: OpenApiResponse(
                description="`code: unknown_purpose` (the guardian consent is "
                "given at sign-up only)."
            ),
        },
        tags=TAGS,
        operation_id="me_consent_purpose_update",
        description="Records a consent record only when the choice changes.",
    )
    def put(self, request: MemberRequest, purpose: str) -> Response:
        data = s.PurposeInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        state = services.purpose_consent_update(
            user=request.user,
            purpose=purpose,
            granted=data.validated_data["granted"],
            channel=data.validated_data["channel"],
            **client_details(request),
        )
        return Response(s.PurposeStateSerializer(dataclasses.asdict(state)).data)


class VisitorConsentView(APIView):
    """An anonymous visitor's receipt for a policy notice they were shown."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "write"

    @extend_schema(
        request=s.VisitorReceiptInSerializer,
        responses={201: s.ReceiptSerializer, 409: STALE},
        tags=TAGS,
    )
    def post(self, request: Request) -> Response:
        data = s.VisitorReceiptInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        version = _version(values["policy"], values["version"])
        record = services.consent_visitor_receipt(
            visitor_id=values.get("visitor_id")
            or request.META.get("HTTP_X_VISITOR_ID", ""),
            version=version,
            locale=values.get("locale") or requested_language(request),
            channel=values["channel"],
            **client_details(request),
        )
        body = s.ReceiptSerializer(_receipt(record, values["policy"])).data
        return Response(body, status=status.HTTP_201_CREATED)
