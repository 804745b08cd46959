"""WeChat identities: the mini-program login (``/api/v1/auth/wechat/miniprogram/``)
and the member's bindings (``/api/v1/me/wechat/…``). Thin: ``members.services``
does the work; WeChat's refusals are problems (400 ``wechat_invalid_code``,
``wechat_code_used``, 429 ``wechat_rate_limited``, 503 ``wechat_unavailable``)."""

from __future__ import annotations

from typing import cast

from allauth.account.internal.flows.login import record_authentication
from allauth.headless.internal import sessionkit
from allauth.headless.tokens.strategies.sessions import SessionTokenStrategy
from allauth.socialaccount.internal.flows.signup import (
    clear_pending_signup,
    get_pending_signup,
)
from django.conf import settings
from django.contrib.auth import login as django_login
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.errors import NotFound
from members.accounts import identities
from members.models import User

from ..throttles import WriteRateThrottle
from .views import MemberAPIView

TAGS = ["wechat"]


def _member(request: Request) -> User:
    """``IsMember`` let the request through: its user is a member."""
    return cast(User, request.user)


BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


class CodeInSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=128, help_text="From `wx.login()`.")


class MiniProgramLoginOutSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=["logged_in", "binding_required"],
        help_text="`logged_in`: use `session_token` as `X-Session-Token`. "
        "`binding_required`: sign up or log in (app client), then "
        "`POST /api/v1/me/wechat/` with the `ticket`.",
    )
    session_token = serializers.CharField(required=False)
    ticket = serializers.CharField(required=False)
    expires_in = serializers.IntegerField(
        required=False, help_text="Seconds the ticket stays valid."
    )


class MiniProgramLoginView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []
    throttle_classes = [WriteRateThrottle]
    throttle_scope = "write"

    @extend_schema(
        request=CodeInSerializer,
        responses={200: MiniProgramLoginOutSerializer},
        tags=TAGS,
        operation_id="auth_wechat_miniprogram_login",
    )
    def post(self, request: Request) -> Response:
        data = CodeInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        result = identities.wechat_miniprogram_login(code=data.validated_data["code"])
        if result.user is None:
            return Response(
                {
                    "status": "binding_required",
                    "ticket": result.ticket,
                    "expires_in": settings.WECHAT_BINDING_TICKET_MAX_AGE,
                }
            )
        django_request = request._request
        django_request.session = sessionkit.new_session()
        django_login(django_request, result.user, backend=BACKEND)
        record_authentication(
            django_request,
            result.user,
            method="socialaccount",
            provider="weixin_miniprogram",
        )
        token = SessionTokenStrategy().create_session_token(django_request)
        return Response({"status": "logged_in", "session_token": token})


class WebTicketOutSerializer(serializers.Serializer):
    ticket = serializers.CharField(
        help_text="Log in (or sign up) as usual, then `POST /api/v1/me/wechat/` "
        "with it."
    )
    expires_in = serializers.IntegerField(help_text="Seconds the ticket stays valid.")


class WebTicketView(APIView):
    """After a WeChat web login (QR code) that found no member (the session shows
    the pending ``provider_signup``), a visitor who already has an account takes
    a binding ticket instead of signing up: the pending sign-up ends, they log in
    as usual, then bind the WeChat identity with the ticket."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    throttle_classes = [WriteRateThrottle]
    throttle_scope = "write"

    @extend_schema(
        request=None,
        responses={200: WebTicketOutSerializer},
        tags=TAGS,
        operation_id="auth_wechat_web_ticket",
        description="Browser client (session cookie + CSRF). 404 "
        "`no_pending_wechat_login` when this session has no pending WeChat web "
        "login.",
    )
    def post(self, request: Request) -> Response:
        django_request = request._request
        SessionAuthentication().enforce_csrf(request)
        pending = get_pending_signup(django_request)
        if pending is None:
            raise NotFound(
                _("No WeChat login is waiting in this browser."),
                code="no_pending_wechat_login",
            )
        ticket = identities.wechat_web_ticket(sociallogin=pending)
        clear_pending_signup(django_request)
        return Response(
            {"ticket": ticket, "expires_in": settings.WECHAT_BINDING_TICKET_MAX_AGE}
        )


class BindingOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    provider = serializers.ChoiceField(
        choices=["weixin", "weixin_miniprogram"],
        help_text="`weixin`: web (QR code) login; `weixin_miniprogram`: mini-program.",
    )
    bound_at = serializers.DateTimeField(source="date_joined")
    last_login = serializers.DateTimeField()


class TicketInSerializer(serializers.Serializer):
    ticket = serializers.CharField(max_length=2000)


class WeChatBindingListView(MemberAPIView):
    @extend_schema(
        responses=BindingOutSerializer(many=True),
        tags=TAGS,
        operation_id="me_wechat_list",
    )
    def get(self, request: Request) -> Response:
        rows = identities.wechat_identities(user=_member(request))
        return Response(BindingOutSerializer(rows, many=True).data)

    @extend_schema(
        request=TicketInSerializer,
        responses={201: BindingOutSerializer},
        tags=TAGS,
        operation_id="me_wechat_bind",
        description="Bind the WeChat identity of a binding ticket. 409 "
        "`wechat_bound_elsewhere` / `wechat_already_bound`.",
    )
    def post(self, request: Request) -> Response:
        data = TicketInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        row = identities.wechat_identity_bind(
            user=_member(request), ticket=data.validated_data["ticket"]
        )
        return Response(BindingOutSerializer(row).data, status=status.HTTP_201_CREATED)


class WeChatBindingDetailView(MemberAPIView):
    # Unbinding removes personal data: a right, open in every consent state.
    consent_exempt_methods = ("DELETE",)

    @extend_schema(responses={204: None}, tags=TAGS, operation_id="me_wechat_unbind")
    def delete(self, request: Request, pk: int) -> Response:
        identities.wechat_identity_unbind(user=_member(request), identity_id=pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WeChatPhoneView(MemberAPIView):
    @extend_schema(
        request=CodeInSerializer,
        responses={204: None},
        tags=TAGS,
        operation_id="me_wechat_phone",
        description="Set your phone to the number WeChat verified: the "
        "`code` from the `getPhoneNumber` button.",
    )
    def post(self, request: Request) -> Response:
        data = CodeInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        identities.wechat_phone_verify(
            user=_member(request), code=data.validated_data["code"]
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
