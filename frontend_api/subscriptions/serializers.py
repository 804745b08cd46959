"""Input and output serializers of ``/api/v1/subscriptions/`` and
``/api/v1/me/subscriptions/``."""

from __future__ import annotations

from django.conf import settings
from rest_framework import serializers

from members.subscriptions.models import SubscriptionStatus, SubscriptionTopic

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class SubscribeInSerializer(serializers.Serializer):
    email = serializers.EmailField()
    topics = serializers.ListField(
        child=serializers.ChoiceField(choices=SubscriptionTopic.choices),
        allow_empty=False,
        max_length=len(SubscriptionTopic.values),
    )
    locale = serializers.ChoiceField(choices=LANGUAGE_CODES, required=False)


class AcceptedSerializer(serializers.Serializer):
    detail = serializers.CharField()


class ConfirmInSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=500)
    tracking_consent = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text="May we count opens and clicks of our e-mails? Omit to not "
        "answer (no tracking).",
    )


class TokenInSerializer(serializers.Serializer):
    token = serializers.CharField(
        max_length=500, help_text="From the e-mail's unsubscribe link."
    )


class TrackingInSerializer(TokenInSerializer):
    tracking_consent = serializers.BooleanField()


class SubscriptionOutSerializer(serializers.Serializer):
    email = serializers.EmailField()
    topics = serializers.ListField(
        child=serializers.ChoiceField(choices=SubscriptionTopic.choices)
    )
    locale = serializers.CharField()
    status = serializers.ChoiceField(choices=SubscriptionStatus.choices)
    tracking_consent = serializers.BooleanField(
        help_text="Whether opens and clicks of our e-mails may be counted."
    )


class MySubscriptionInSerializer(serializers.Serializer):
    topics = serializers.ListField(
        child=serializers.ChoiceField(choices=SubscriptionTopic.choices),
        allow_empty=True,
        max_length=len(SubscriptionTopic.values),
        help_text="An empty list unsubscribes.",
    )
    locale = serializers.ChoiceField(choices=LANGUAGE_CODES, required=False)
    tracking_consent = serializers.BooleanField(required=False, allow_null=True)


class MySubscriptionOutSerializer(serializers.Serializer):
    email = serializers.EmailField()
    topics = serializers.ListField(
        child=serializers.ChoiceField(choices=SubscriptionTopic.choices)
    )
    locale = serializers.CharField()
    status = serializers.ChoiceField(
        choices=SubscriptionStatus.choices,
        allow_null=True,
        help_text="Null when you never subscribed. `pending` until your e-mail is "
        "verified.",
    )
    tracking_consent = serializers.BooleanField()
