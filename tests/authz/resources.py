"""How to replay each member-scoped operation against member A's data.

One entry per ``(METHOD, path template)`` of the OpenAPI schema that is under
``/api/v1/me/`` or takes an object id. Each factory gets member A's data
(``tests.factories.member_data.MemberData``) and returns the ``Replay``: the
path parameters pointing at A's object, the body, and a check that A's data is
still intact after B and a visitor tried. A new endpoint without an entry here
fails ``test_object_authorization`` with "add a factory for …".
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from allauth.socialaccount.models import SocialAccount
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from members.accounts import identities
from members.models import User
from tests.factories.member_data import MemberData
from tests.factories.members import PASSWORD


@dataclass
class Replay:
    params: dict[str, Any] = field(default_factory=dict)
    json: dict[str, Any] | None = None
    files: Callable[[], dict[str, Any]] | None = None
    intact: Callable[[], None] = lambda: None


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "orange").save(buffer, "PNG")
    return SimpleUploadedFile("a.png", buffer.getvalue(), content_type="image/png")


def _member_active(a: MemberData) -> Callable[[], None]:
    def check() -> None:
        member = User.objects.get(pk=a.member.pk)
        assert member.is_active and member.email == a.member.email
        assert member.company_name == a.member.company_name

    return check


def _exists(obj) -> Callable[[], None]:
    def check() -> None:
        assert type(obj).objects.filter(pk=obj.pk).exists(), f"{obj!r} was removed"

    return check


def _request_unchanged(a: MemberData, key: str) -> Callable[[], None]:
    request = a.objects[key]
    attachments = request.attachments.count()

    def check() -> None:
        fresh = type(request).objects.get(pk=request.pk)
        assert fresh.status == request.status
        assert fresh.messages.count() == request.messages.count()
        assert fresh.attachments.count() == attachments

    return check


def _thread_unchanged(a: MemberData, key: str) -> Callable[[], None]:
    consultation = a.objects[key]
    count = consultation.messages.count()

    def check() -> None:
        fresh = type(consultation).objects.get(pk=consultation.pk)
        assert fresh.status == consultation.status
        assert fresh.messages.count() == count

    return check


def _subscription_unchanged(a: MemberData) -> Callable[[], None]:
    subscription = a.objects["subscription"]

    def check() -> None:
        fresh = type(subscription).objects.get(pk=subscription.pk)
        assert fresh.status == subscription.status
        assert fresh.topics == subscription.topics
        assert fresh.user_id == a.member.pk

    return check


AUTHZ_PHONE_CODE = "authz-phone-code"


def _ticket(a: MemberData) -> str:
    binding = a.objects["wechat"]
    return signing.dumps(
        {"provider": binding.provider, **binding.extra_data},
        salt=identities.TICKET_SALT,
    )


def _wechat_bound(a: MemberData) -> Callable[[], None]:
    binding = a.objects["wechat"]

    def check() -> None:
        assert SocialAccount.objects.filter(pk=binding.pk, user=a.member).exists()

    return check


def _phone_kept(a: MemberData) -> Callable[[], None]:
    phone = a.member.phone

    def check() -> None:
        assert User.objects.get(pk=a.member.pk).phone == phone
        assert User.objects.filter(phone=phone).count() == 1

    return check


def _notice_unread(a: MemberData) -> Callable[[], None]:
    notice = a.objects["notice"]

    def check() -> None:
        delivery = notice.deliveries.get(user=a.member)
        assert delivery.read_at is None, "the notice was marked read"

    return check


def _id(key: str) -> Callable[[MemberData], Replay]:
    return lambda a: Replay(params={"id": a.objects[key].pk})


ME = "/api/v1/me"
FACTORIES: dict[tuple[str, str], Callable[[MemberData], Replay]] = {
    ("GET", f"{ME}/"): lambda a: Replay(),
    ("PATCH", f"{ME}/"): lambda a: Replay(
        json={"display_name": "Changed"}, intact=_member_active(a)
    ),
    ("DELETE", f"{ME}/"): lambda a: Replay(
        json={"password": PASSWORD}, intact=_member_active(a)
    ),
    ("PUT", f"{ME}/avatar/"): lambda a: Replay(
        files=lambda: {"file": png()}, intact=_member_active(a)
    ),
    ("DELETE", f"{ME}/avatar/"): lambda a: Replay(intact=_member_active(a)),
    # B asks for B's own avatar (none: 404); A gets A's.
    ("GET", f"{ME}/avatar/{{size}}/"): lambda a: Replay(params={"size": "small"}),
    ("GET", f"{ME}/consents/"): lambda a: Replay(),
    ("POST", f"{ME}/consents/"): lambda a: Replay(
        json={"policy": "privacy", "version": "2024-03-01"}
    ),
    ("POST", f"{ME}/consents/withdraw/"): lambda a: Replay(json={"policy": "privacy"}),
    ("GET", f"{ME}/consents/purposes/"): lambda a: Replay(),
    ("PUT", f"{ME}/consents/purposes/{{purpose}}/"): lambda a: Replay(
        params={"purpose": "marketing_email"}, json={"granted": True}
    ),
    ("GET", f"{ME}/downloads/"): lambda a: Replay(),
    ("DELETE", f"{ME}/downloads/"): lambda a: Replay(
        intact=_exists(a.objects["download"])
    ),
    ("DELETE", f"{ME}/downloads/{{id}}/"): lambda a: Replay(
        params={"id": a.objects["download"].pk},
        intact=_exists(a.objects["download"]),
    ),
    ("GET", f"{ME}/notices/"): lambda a: Replay(),
    ("POST", f"{ME}/notices/{{id}}/read/"): lambda a: Replay(
        params={"id": a.objects["notice"].pk}, intact=_notice_unread(a)
    ),
    ("GET", f"{ME}/export/"): lambda a: Replay(),
    ("GET", f"{ME}/favorites/"): lambda a: Replay(),
    ("POST", f"{ME}/favorites/"): lambda a: Replay(json={"page": a.product.pk}),
    ("DELETE", f"{ME}/favorites/{{page_id}}/"): lambda a: Replay(
        params={"page_id": a.product.pk}, intact=_exists(a.objects["favorite"])
    ),
    ("GET", f"{ME}/footprints/"): lambda a: Replay(),
    ("DELETE", f"{ME}/footprints/"): lambda a: Replay(
        intact=_exists(a.objects["footprint"])
    ),
    ("DELETE", f"{ME}/footprints/{{id}}/"): lambda a: Replay(
        params={"id": a.objects["footprint"].pk},
        intact=_exists(a.objects["footprint"]),
    ),
    ("GET", f"{ME}/privacy-requests/"): lambda a: Replay(),
    ("POST", f"{ME}/privacy-requests/"): lambda a: Replay(
        json={"kind": "access", "details": "Send me my data."}
    ),
    ("GET", f"{ME}/privacy-requests/{{id}}/"): _id("privacy_request"),
    ("GET", f"{ME}/procurement-requests/"): lambda a: Replay(),
    ("POST", f"{ME}/procurement-requests/"): lambda a: Replay(
        json={
            "title": "Hydraulic oil",
            "delivery_province": "上海",
            "delivery_city": "上海",
            "items": [{"description": "HM46", "quantity": "1", "unit": "drum_200l"}],
        }
    ),
    ("GET", f"{ME}/procurement-requests/{{id}}/"): _id("submitted_request"),
    ("DELETE", f"{ME}/procurement-requests/{{id}}/"): lambda a: Replay(
        params={"id": a.objects["submitted_request"].pk},
        intact=_exists(a.objects["submitted_request"]),
    ),
    ("POST", f"{ME}/procurement-requests/{{id}}/attachments/"): lambda a: Replay(
        params={"id": a.objects["draft_request"].pk},
        files=lambda: {"file": png()},
        intact=_request_unchanged(a, "draft_request"),
    ),
    ("GET", f"{ME}/procurement-requests/{{id}}/attachments/{{attachment_pk}}/"): (
        lambda a: Replay(
            params={
                "id": a.objects["submitted_request"].pk,
                "attachment_pk": a.objects["attachment"].pk,
            }
        )
    ),
    ("GET", f"{ME}/procurement-requests/{{id}}/messages/"): _id("submitted_request"),
    ("POST", f"{ME}/procurement-requests/{{id}}/messages/"): lambda a: Replay(
        params={"id": a.objects["submitted_request"].pk},
        json={"body": "Any news?"},
        intact=_request_unchanged(a, "submitted_request"),
    ),
    ("POST", f"{ME}/procurement-requests/{{id}}/status/"): lambda a: Replay(
        params={"id": a.objects["submitted_request"].pk},
        json={"status": "cancelled"},
        intact=_request_unchanged(a, "submitted_request"),
    ),
    ("GET", f"{ME}/consultations/"): lambda a: Replay(),
    ("GET", f"{ME}/consultations/{{id}}/"): _id("consultation"),
    ("DELETE", f"{ME}/consultations/{{id}}/"): lambda a: Replay(
        params={"id": a.objects["consultation"].pk},
        intact=_exists(a.objects["consultation"]),
    ),
    ("POST", f"{ME}/consultations/{{id}}/messages/"): lambda a: Replay(
        params={"id": a.objects["consultation"].pk},
        json={"body": "Any news?"},
        intact=_thread_unchanged(a, "consultation"),
    ),
    ("GET", f"{ME}/subscriptions/"): lambda a: Replay(),
    ("PUT", f"{ME}/subscriptions/"): lambda a: Replay(
        json={"topics": []}, intact=_subscription_unchanged(a)
    ),
    ("GET", "/api/v1/documents/{id}/download/"): _id("document"),
    ("GET", f"{ME}/wechat/"): lambda a: Replay(),
    # A ticket for A's own binding: idempotent for A, 409 for B.
    ("POST", f"{ME}/wechat/"): lambda a: Replay(
        json={"ticket": _ticket(a)}, intact=_wechat_bound(a)
    ),
    ("DELETE", f"{ME}/wechat/{{id}}/"): lambda a: Replay(
        params={"id": a.objects["wechat"].pk}, intact=_wechat_bound(a)
    ),
    # The fake WeChat answers this code with A's own number (tests/authz conftest).
    ("POST", f"{ME}/wechat/phone/"): lambda a: Replay(
        json={"code": AUTHZ_PHONE_CODE}, intact=_phone_kept(a)
    ),
}
