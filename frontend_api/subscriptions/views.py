"""E-mail subscriptions: subscribe (double opt-in), confirm, unsubscribe (also
RFC 8058 one-click), the tracking choice, the tracking pixel and tracked links,
and a member's own subscription. Thin: validate, call ``members.subscriptions``,
serialize.

The token endpoints take no session (a mail provider's one-click POST has no
cookie or CSRF token); the token is the authority. Writes are rate limited by
the ``subscription`` throttle scope.
"""

from __future__ import annotations

import base64

from django.http import HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.clients import client_details
from core.errors import ValidationFailed
from members.subscriptions import digest, services
from members.subscriptions.models import Subscription, SubscriptionStatus

from ..accounts.views import MemberAPIView
from ..parsers import JSONParser
from ..permissions import MemberRequest, consent_require
from ..throttles import WriteRateThrottle
from .serializers import (
    AcceptedSerializer,
    ConfirmInSerializer,
    MySubscriptionInSerializer,
    MySubscriptionOutSerializer,
    SubscribeInSerializer,
    SubscriptionOutSerializer,
    TokenInSerializer,
    TrackingInSerializer,
)

TAGS = ["subscriptions"]
ACCEPTED = (
    "If this address can receive e-mail, a confirmation link is on its way. "
    "The subscription starts when it is confirmed."
)
# A transparent 1×1 GIF.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


class PublicTokenView(APIView):
    """No session: the signed token is the authority. Rate limited per IP by the
    general ``write`` scope (subscribing itself by ``subscription``)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [WriteRateThrottle]
    throttle_scope = "write"


def _out(sub: Subscription) -> dict:
    return SubscriptionOutSerializer(
        {
            "email": sub.email,
            "topics": sub.topics,
            "locale": sub.locale,
            "status": sub.status,
            "tracking_consent": services.subscription_tracking_allowed(sub=sub),
        }
    ).data


class SubscribeView(PublicTokenView):
    throttle_scope = "subscription"

    @extend_schema(
        request=SubscribeInSerializer,
        responses={202: AcceptedSerializer},
        tags=TAGS,
        operation_id="subscriptions_create",
        description="Subscribe an address (double opt-in): a confirmation link is "
        "e-mailed; nothing starts until it is confirmed. The answer is the same "
        "whether or not the address is already subscribed. Rate limited.",
    )
    def post(self, request: Request) -> Response:
        data = SubscribeInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.subscription_request(
            email=data.validated_data["email"],
            topics=data.validated_data["topics"],
            locale=data.validated_data.get("locale", ""),
        )
        return Response({"detail": ACCEPTED}, status=status.HTTP_202_ACCEPTED)


class ConfirmView(PublicTokenView):
    @extend_schema(
        request=ConfirmInSerializer,
        responses={200: SubscriptionOutSerializer},
        tags=TAGS,
        operation_id="subscriptions_confirm",
        description="Confirm with the token from the e-mailed link, answering "
        "whether opens and clicks may be tracked (recorded as an `email_tracking` "
        "consent). 400 `invalid_token` when tampered, expired or superseded.",
    )
    def post(self, request: Request) -> Response:
        data = ConfirmInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        sub = services.subscription_confirm(
            token=data.validated_data["token"],
            tracking_consent=data.validated_data.get("tracking_consent"),
            **client_details(request),
        )
        return Response(_out(sub))


class UnsubscribeView(PublicTokenView):
    # Not throttled: mail providers send every one-click unsubscribe of their
    # users from a few addresses, and unsubscribing must never be refused.
    throttle_classes: list = []
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    @extend_schema(
        request=TokenInSerializer,
        parameters=[
            OpenApiParameter(
                "token",
                str,
                required=False,
                description="The token may come in the query (the "
                "`List-Unsubscribe` URL, POSTed with `List-Unsubscribe=One-Click`).",
            )
        ],
        responses={200: SubscriptionOutSerializer},
        tags=TAGS,
        operation_id="subscriptions_unsubscribe",
        description="Unsubscribe (one click, idempotent). 400 `invalid_token` "
        "when tampered or expired; nothing changes then.",
    )
    def post(self, request: Request) -> Response:
        token = request.query_params.get("token")
        data = TokenInSerializer(data={"token": token} if token else request.data)
        data.is_valid(raise_exception=True)
        sub = services.subscription_unsubscribe(token=data.validated_data["token"])
        return Response(_out(sub))


class TrackingChoiceView(PublicTokenView):
    @extend_schema(
        request=TrackingInSerializer,
        responses={200: SubscriptionOutSerializer},
        tags=TAGS,
        operation_id="subscriptions_tracking",
        description="Allow or stop open/click tracking of our e-mails (the "
        "preferences link's token); stopping does not unsubscribe.",
    )
    def post(self, request: Request) -> Response:
        data = TrackingInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        sub = services.subscription_tracking_set(
            token=data.validated_data["token"],
            granted=data.validated_data["tracking_consent"],
            **client_details(request),
        )
        return Response(_out(sub))


class OpenPixelView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        responses={(200, "image/gif"): OpenApiTypes.BINARY},
        tags=TAGS,
        operation_id="subscriptions_track_open",
        description="The digest's tracking pixel; counted only while the "
        "subscriber allows tracking. Always the same 1×1 GIF.",
    )
    def get(self, request: Request, token: str) -> HttpResponse:
        digest.digest_open_record(token=token)
        response = HttpResponse(PIXEL, content_type="image/gif")
        response["Cache-Control"] = "no-store, private"
        return response


class ClickView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[OpenApiParameter("u", str, required=True)],
        responses={
            302: OpenApiResponse(description="To `u`, a frontend URL."),
        },
        tags=TAGS,
        operation_id="subscriptions_track_click",
        description="A digest link: counted only while the subscriber allows "
        "tracking, then redirected to `u` — only ever to a frontend origin "
        "(`EMAIL_LINK_ALLOWED_ORIGINS`); any other target is a 400.",
    )
    def get(self, request: Request, token: str) -> HttpResponse:
        target = request.query_params.get("u", "")
        if not digest.click_target_allowed(target):
            raise ValidationFailed(
                gettext("This link does not lead to our site."),
                code="invalid_redirect",
                errors=[
                    {
                        "code": "invalid_redirect",
                        "detail": gettext("Not allowed."),
                        "attr": "u",
                    }
                ],
            )
        digest.digest_click_record(token=token)
        response = HttpResponseRedirect(target)
        response["Cache-Control"] = "no-store, private"
        return response


class MySubscriptionView(MemberAPIView):
    # Unsubscribing, dropping topics and refusing tracking are rights; a new topic
    # or granting tracking is new collection (``consent_require`` below).
    consent_exempt_methods = ("PUT",)

    def _data(self, request: MemberRequest, sub: Subscription | None) -> dict:
        user = request.user
        return MySubscriptionOutSerializer(
            {
                "email": sub.email if sub else user.email,
                "topics": sub.topics if sub else [],
                "locale": sub.locale if sub else user.preferred_language,
                "status": sub.status if sub else None,
                "tracking_consent": services.member_tracking_allowed(user=user),
            }
        ).data

    @extend_schema(
        responses=MySubscriptionOutSerializer,
        tags=["me"],
        operation_id="me_subscription_retrieve",
    )
    def get(self, request: MemberRequest) -> Response:
        sub = services.member_subscription_get(user=request.user)
        return Response(self._data(request, sub))

    @extend_schema(
        request=MySubscriptionInSerializer,
        responses=MySubscriptionOutSerializer,
        tags=["me"],
        operation_id="me_subscription_update",
        description="Set your topics (an empty list unsubscribes), the e-mail "
        "language and, optionally, the tracking choice. Confirmed at once when your "
        "e-mail is verified, else when you verify it. Unsubscribing, dropping "
        "topics and refusing tracking always work; adding a topic or granting "
        "tracking is 403 `consent_required` while a policy awaits your consent.",
    )
    def put(self, request: MemberRequest) -> Response:
        data = MySubscriptionInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        current = services.member_subscription_get(user=request.user)
        subscribed = (
            current is not None and current.status != SubscriptionStatus.UNSUBSCRIBED
        )
        kept = set(current.topics) if current is not None and subscribed else set()
        if (
            set(data.validated_data["topics"]) - kept
            or data.validated_data.get("tracking_consent") is True
        ):
            consent_require(request)
        sub = services.member_subscription_update(
            user=request.user,
            topics=data.validated_data["topics"],
            locale=data.validated_data.get("locale", ""),
            tracking_consent=data.validated_data.get("tracking_consent"),
            **client_details(request),
        )
        return Response(self._data(request, sub))
