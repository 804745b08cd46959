"""Input and output serializers of the account API (one pair per operation)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from rest_framework import serializers

from members.accounts.models import AgeGroup


class CustomerServiceSerializer(serializers.Serializer):
    name = serializers.CharField()
    email = serializers.EmailField()
    phone = serializers.CharField(allow_null=True)


class AvatarSerializer(serializers.Serializer):
    url = serializers.CharField(
        help_text="Re-encoded image, at most 1024 px (GET it with your session)."
    )
    medium = serializers.CharField(help_text="256 × 256 thumbnail.")
    small = serializers.CharField(help_text="64 × 64 thumbnail.")


class MeOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.EmailField()
    display_name = serializers.CharField()
    phone = serializers.CharField(allow_null=True, help_text="E.164.")
    wechat_id = serializers.CharField()
    qq = serializers.CharField()
    contact_address = serializers.CharField()
    company_name = serializers.CharField()
    company_address = serializers.CharField()
    position = serializers.CharField()
    preferred_language = serializers.CharField()
    is_minor = serializers.BooleanField(
        help_text="Under 18 (age group 14_to_17 or under_14)."
    )
    age_group = serializers.ChoiceField(choices=AgeGroup.choices)
    record_footprints = serializers.BooleanField(
        help_text="Your setting: false stops recording your footprints."
    )
    date_joined = serializers.DateTimeField()
    customer_service = serializers.SerializerMethodField()
    avatar = serializers.SerializerMethodField()

    def get_customer_service(self, user) -> CustomerServiceSerializer(allow_null=True):  # type: ignore[valid-type]
        staff = user.customer_service
        if staff is None:
            return None
        return {"name": str(staff), "email": staff.email, "phone": staff.phone}

    def get_avatar(self, user) -> AvatarSerializer(allow_null=True):  # type: ignore[valid-type]
        if not user.avatar:
            return None
        # The files have no public URL: their download under /api/v1/me/, with
        # the file's random name as a version (a new avatar is a new URL).
        request = self.context.get("request")

        def url(size: str, file) -> str:
            name = file.name.rsplit("/", 1)[-1].split(".", 1)[0]
            path = reverse("api-me-avatar-file", args=[size]) + f"?v={name[:12]}"
            return request.build_absolute_uri(path) if request else path

        return {
            "url": url("large", user.avatar),
            "medium": url("medium", user.avatar_medium),
            "small": url("small", user.avatar_small),
        }


class MeUpdateOutSerializer(MeOutSerializer):
    phone_code_sent_to = serializers.CharField(
        allow_null=True,
        help_text="The new number (E.164) a code was texted to; `phone` changes "
        "once you confirm it (`POST /api/v1/auth/{client}/v1/auth/phone/verify "
        "{code}`). null when the update named no new number.",
    )


class MeInSerializer(serializers.Serializer):
    """Every field optional (PATCH); ``phone`` may be mainland (13812345678) or
    international (+44 …); empty removes it."""

    display_name = serializers.CharField(
        max_length=80, allow_blank=True, required=False
    )
    phone = serializers.CharField(
        max_length=32, allow_blank=True, allow_null=True, required=False
    )
    wechat_id = serializers.CharField(max_length=40, allow_blank=True, required=False)
    qq = serializers.CharField(max_length=12, allow_blank=True, required=False)
    contact_address = serializers.CharField(
        max_length=255, allow_blank=True, required=False
    )
    company_name = serializers.CharField(
        max_length=200, allow_blank=True, required=False
    )
    company_address = serializers.CharField(
        max_length=255, allow_blank=True, required=False
    )
    position = serializers.CharField(max_length=100, allow_blank=True, required=False)
    preferred_language = serializers.ChoiceField(
        choices=[code for code, _name in settings.LANGUAGES], required=False
    )
    record_footprints = serializers.BooleanField(
        required=False,
        help_text="False stops recording the products and guides you view.",
    )


class CancelInSerializer(serializers.Serializer):
    password = serializers.CharField(
        trim_whitespace=False, help_text="The current password, to confirm."
    )


class AvatarInSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="JPEG, PNG or WebP, at most 2 MB.")
