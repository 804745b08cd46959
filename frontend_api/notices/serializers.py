"""Output of ``/api/v1/me/notices/``."""

from __future__ import annotations

from rest_framework import serializers

from members.notices.models import NoticeKind


class NoticeOutSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="notice_id")
    kind = serializers.ChoiceField(choices=NoticeKind.choices, source="notice.kind")
    title = serializers.CharField(source="notice.title")
    situation = serializers.CharField(
        source="notice.situation", help_text="What happened (基本情况)."
    )
    impact = serializers.CharField(source="notice.impact")
    measures = serializers.CharField(
        source="notice.measures", help_text="What we did or will do."
    )
    advice = serializers.CharField(
        source="notice.advice", help_text="What you can do to protect yourself."
    )
    remedies = serializers.CharField(source="notice.remedies")
    sent_at = serializers.DateTimeField(source="notice.sent_at")
    read_at = serializers.DateTimeField(allow_null=True)
