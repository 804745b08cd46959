"""``/api/v1/me/…``: the member's profile, avatar and account cancellation, and
``MemberAPIView``, the base of every member endpoint. Thin: validate, call
``members.accounts``, serialize."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.errors import NotFound, PayloadTooLarge
from core.files import private_file_response
from members.accounts import selectors, services

from ..permissions import IsMember, MemberRequest, consent_require
from ..throttles import WriteRateThrottle
from .serializers import (
    AvatarInSerializer,
    CancelInSerializer,
    MeInSerializer,
    MeOutSerializer,
    MeUpdateOutSerializer,
)

TAGS = ["me"]


@contextmanager
def _allauth_session(request: Request) -> Iterator[HttpRequest]:
    """The Django request with the session allauth's next step will read: an app
    client's token session (``X-Session-Token``) or the browser's cookie one."""
    django_request: HttpRequest = request._request
    token_session = request.auth if isinstance(request.auth, SessionBase) else None
    if token_session is None:
        yield django_request
        return
    cookie_session = django_request.session
    django_request.session = token_session
    try:
        yield django_request
        token_session.save()
    finally:
        django_request.session = cookie_session


class MemberAPIView(APIView):
    # IsMember admits only signed-in, active members: handlers take
    # ``request: MemberRequest``, whose ``user`` is typed ``User``.
    permission_classes = [IsMember]
    throttle_classes = [WriteRateThrottle]
    throttle_scope = "write"


class MeView(MemberAPIView):
    """The signed-in member's profile; cancelling the account."""

    # Correcting and cancelling are rights: open in every consent state. Filling a
    # field for the first time is new collection (``consent_require`` below).
    consent_exempt_methods = ("PATCH", "DELETE")

    @extend_schema(responses=MeOutSerializer, tags=TAGS, operation_id="me_retrieve")
    def get(self, request: MemberRequest) -> Response:
        user = selectors.member_profile_get(user=request.user)
        return Response(MeOutSerializer(user, context={"request": request}).data)

    @extend_schema(
        request=MeInSerializer,
        responses={200: MeUpdateOutSerializer},
        tags=TAGS,
        operation_id="me_update",
        description="Correct your own profile, or set `record_footprints`. A new "
        "`phone` is texted a code and replaces yours once you confirm it: `POST "
        "/api/v1/auth/{client}/v1/auth/phone/verify {code}` in the same session "
        "(`phone_code_sent_to` names it; the same answer whether or not the number "
        "is registered; the verification answers 400 `phone_taken` for a number "
        "another account holds; 429 with `Retry-After` for too many codes). "
        "Changing or clearing what you gave always works; filling an empty field "
        "is new collection: 403 `consent_required` while a policy awaits your "
        "consent.",
    )
    def patch(self, request: MemberRequest) -> Response:
        data = MeInSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        if services.profile_additions(user=request.user, data=data.validated_data):
            consent_require(request)
        values = dict(data.validated_data)
        new_phone = services.member_phone_new(user=request.user, data=values)
        with transaction.atomic():
            services.member_profile_update(user=request.user, data=values)
            if new_phone:
                with _allauth_session(request) as django_request:
                    services.member_phone_change_start(
                        request=django_request, user=request.user, phone=new_phone
                    )
        user = selectors.member_profile_get(user=request.user)
        body = MeOutSerializer(user, context={"request": request}).data
        body["phone_code_sent_to"] = new_phone
        return Response(body)

    @extend_schema(
        request=CancelInSerializer,
        responses={204: None},
        tags=TAGS,
        operation_id="me_cancel",
        description="Cancel the account: 403 `password_incorrect` changes nothing; "
        "otherwise every session ends and the personal data is erased.",
    )
    def delete(self, request: MemberRequest) -> Response:
        data = CancelInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        django_request: HttpRequest = request._request
        services.member_cancel(
            user=request.user,
            password=data.validated_data["password"],
            request=django_request,
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class AvatarView(MemberAPIView):
    parser_classes = [MultiPartParser]
    # Replacing or removing the avatar is a correction; a first one is collection.
    consent_exempt_methods = ("PUT", "DELETE")

    @extend_schema(
        request={"multipart/form-data": AvatarInSerializer},
        responses={200: MeOutSerializer},
        tags=TAGS,
        operation_id="me_avatar_set",
        description="413 above 2 MB, 415 for anything but JPEG, PNG or WebP. "
        "Replacing your avatar always works; a first one is 403 `consent_required` "
        "while a policy awaits your consent.",
    )
    def put(self, request: MemberRequest) -> Response:
        if not request.user.avatar:
            consent_require(request)
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > services.AVATAR_MAX_BYTES + 64 * 1024:  # before parsing the body
            raise PayloadTooLarge(
                gettext("An avatar may be at most 2 MB."), code="avatar_too_large"
            )
        data = AvatarInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.avatar_set(user=request.user, upload=data.validated_data["file"])
        user = selectors.member_profile_get(user=request.user)
        return Response(MeOutSerializer(user, context={"request": request}).data)

    @extend_schema(responses={204: None}, tags=TAGS, operation_id="me_avatar_remove")
    def delete(self, request: MemberRequest) -> Response:
        services.avatar_remove(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


AVATAR_SIZES = {"large": "avatar", "medium": "avatar_medium", "small": "avatar_small"}


class AvatarFileView(MemberAPIView):
    @extend_schema(
        responses={
            200: OpenApiResponse(OpenApiTypes.BINARY, description="The image."),
            302: OpenApiResponse(description="Redirect to a signed, expiring URL."),
        },
        tags=TAGS,
        operation_id="me_avatar_file",
        description="Your avatar's image in one size (`large` 1024 px, `medium` "
        "256 px, `small` 64 px); 404 without an avatar. Only yours: avatars have "
        "no public URL.",
    )
    def get(self, request: MemberRequest, size: str):
        field = AVATAR_SIZES.get(size)
        image = getattr(request.user, field) if field else None
        if not image:
            raise NotFound(gettext("No avatar."))
        try:
            return private_file_response(
                image,
                filename=image.name.rsplit("/", 1)[-1],
                as_attachment=False,
            )
        except FileNotFoundError as exc:
            raise NotFound(gettext("No avatar.")) from exc
