"""Input and output of the privacy endpoints (``/api/v1/me/privacy-requests/``)."""

from __future__ import annotations

from rest_framework import serializers

from members.privacy.models import PrivacyRequest


class PrivacyRequestInSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PrivacyRequest.Kind.choices)
    details = serializers.CharField(max_length=5000)


class PrivacyRequestOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=PrivacyRequest.Kind.choices)
    details = serializers.CharField()
    status = serializers.ChoiceField(choices=PrivacyRequest.Status.choices)
    created_at = serializers.DateTimeField()
    due_on = serializers.DateField(
        help_text="15 Chinese working days after receipt (holidays skipped)."
    )
    is_overdue = serializers.BooleanField()
    answer = serializers.CharField(help_text="The staff's answer; a refusal's reason.")
    answered_at = serializers.DateTimeField(allow_null=True)


class VisitorDeletionInSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    locale = serializers.ChoiceField(
        choices=["zh-hans", "en"], required=False, help_text="The e-mail's language."
    )


class VisitorDeletionConfirmInSerializer(serializers.Serializer):
    token = serializers.CharField(max_length=500, help_text="From the e-mailed link.")


class VisitorDeletionDoneSerializer(serializers.Serializer):
    consultations = serializers.IntegerField()
    subscriptions = serializers.IntegerField()
