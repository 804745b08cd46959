"""Input and output serializers of ``/api/v1/consultations/`` and
``/api/v1/me/consultations/``."""

from __future__ import annotations

from django.conf import settings
from rest_framework import serializers

from members.models import ConsultationStatus


class ConsultationInSerializer(serializers.Serializer):
    name = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=80,
        help_text="Required for visitors; members default to their profile.",
    )
    email = serializers.EmailField(
        required=False,
        allow_blank=True,
        help_text="An e-mail or a phone is required (members: default their e-mail).",
    )
    phone = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=30,
        help_text="Mainland mobile, or +country code.",
    )
    message = serializers.CharField(max_length=5000)
    product = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        help_text="Page id of a published product the question is about.",
    )
    locale = serializers.ChoiceField(
        choices=[code for code, _name in settings.LANGUAGES],
        required=False,
        help_text="Language of the replies (default: yours, else zh-hans).",
    )
    website = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Leave empty (a trap for bots; hidden from people).",
    )


class ConsultationCreatedSerializer(serializers.Serializer):
    reference = serializers.UUIDField(help_text="Quote it when you contact us.")
    status = serializers.ChoiceField(choices=ConsultationStatus.choices)


class ProductRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    sku = serializers.CharField()


class ConsultationOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.UUIDField()
    status = serializers.ChoiceField(choices=ConsultationStatus.choices)
    name = serializers.CharField()
    email = serializers.EmailField()
    phone = serializers.CharField()
    message = serializers.CharField()
    product = ProductRefSerializer(allow_null=True)
    locale = serializers.CharField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ConsultationMessageInSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=5000)


class ConsultationMessageOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    from_staff = serializers.BooleanField()
    body = serializers.CharField()
    created_at = serializers.DateTimeField()


class ConsultationDetailSerializer(ConsultationOutSerializer):
    messages = ConsultationMessageOutSerializer(many=True)
