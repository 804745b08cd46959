"""Input and output serializers of the policy and consent endpoints."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from legal.models import ConsentRecord


class TranslationLinkSerializer(serializers.Serializer):
    locale = serializers.CharField()
    id = serializers.IntegerField()
    slug = serializers.CharField()
    url = serializers.CharField(help_text="Frontend path, e.g. /en/legal-privacy/.")


class PolicyListItemSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()
    current_version = serializers.CharField(help_text="Label, e.g. 2023-05-16.")
    effective_date = serializers.DateField()
    material = serializers.BooleanField()
    change_summary = serializers.CharField(
        allow_blank=True,
        help_text="What changed in the current version (in the requested locale "
        "when its text is current, else the source's).",
    )
    locales = serializers.ListField(
        child=serializers.CharField(),
        help_text="Locales the current version (or an older one) can be read in.",
    )
    translation_outdated = serializers.BooleanField()


# A field named like a Field or Serializer attribute (label, fields, errors,
# style) is typed Any: DRF's metaclass takes declared fields off the class, so
# nothing is shadowed, but the stubs cannot know that.
class PolicyItemSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="paragraph, item or subsection.")
    id = serializers.CharField()
    number = serializers.IntegerField(allow_null=True, required=False)
    label: Any = serializers.CharField(required=False, help_text="Printed number.")
    heading = serializers.CharField(required=False)
    html = serializers.CharField(required=False)
    blocks = serializers.ListField(
        child=serializers.DictField(),
        required=False,
        help_text="A sub-section's paragraphs and items (same shape).",
    )


class PolicySectionSerializer(serializers.Serializer):
    id = serializers.CharField()
    anchor = serializers.CharField()
    number = serializers.IntegerField(allow_null=True)
    label: Any = serializers.CharField(
        help_text="一、 / 1.; empty for unnumbered parts."
    )
    heading = serializers.CharField()
    blocks = PolicyItemSerializer(many=True)


class PolicyTextSerializer(serializers.Serializer):
    slug = serializers.CharField()
    locale = serializers.CharField()
    title = serializers.CharField()
    version = serializers.CharField(help_text="The version this text belongs to.")
    current_version = serializers.CharField()
    translation_outdated = serializers.BooleanField(
        help_text="True when this locale's text belongs to an older version than "
        "the current Chinese source."
    )
    updated_on = serializers.DateField()
    effective_date = serializers.DateField()
    material = serializers.BooleanField()
    published_at = serializers.DateTimeField()
    change_summary = serializers.CharField(allow_blank=True)
    intro_html = serializers.CharField(allow_blank=True)
    sections = PolicySectionSerializer(many=True)
    contact = serializers.ListField(child=serializers.CharField())
    html = serializers.CharField()
    sha256 = serializers.CharField()
    translations = TranslationLinkSerializer(many=True)


class PolicyVersionItemSerializer(serializers.Serializer):
    version = serializers.CharField()
    updated_on = serializers.DateField()
    effective_date = serializers.DateField()
    material = serializers.BooleanField()
    published_at = serializers.DateTimeField()
    current = serializers.BooleanField()
    change_summary = serializers.CharField(allow_blank=True)
    locales = serializers.ListField(child=serializers.CharField())
    sha256 = serializers.CharField()


class InlineChangeSerializer(serializers.Serializer):
    op = serializers.CharField(help_text="equal, insert or delete.")
    text = serializers.CharField()


class LineChangeSerializer(serializers.Serializer):
    op = serializers.CharField(help_text="changed, added or removed.")
    old = serializers.CharField(allow_blank=True)
    new = serializers.CharField(allow_blank=True)
    inline = InlineChangeSerializer(many=True)


class SectionChangeSerializer(serializers.Serializer):
    id = serializers.CharField()
    number = serializers.IntegerField(allow_null=True)
    label: Any = serializers.CharField(allow_blank=True)
    heading = serializers.CharField()
    status = serializers.CharField(help_text="added, removed or changed.")
    changes = LineChangeSerializer(many=True)


class FieldChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    old = serializers.CharField(allow_blank=True)
    new = serializers.CharField(allow_blank=True)
    inline = InlineChangeSerializer(many=True)


class DiffSummarySerializer(serializers.Serializer):
    added = serializers.IntegerField()
    removed = serializers.IntegerField()
    changed = serializers.IntegerField()


class PolicyDiffSerializer(serializers.Serializer):
    slug = serializers.CharField()
    locale = serializers.CharField()
    to_version = serializers.CharField(source="to")
    from_version = serializers.CharField(source="from")
    summary = DiffSummarySerializer()
    sections = SectionChangeSerializer(many=True)
    fields: Any = FieldChangeSerializer(many=True)
    contact = LineChangeSerializer(many=True)


class DiffQuerySerializer(serializers.Serializer):
    # "from" is a Python keyword: declared below.
    to = serializers.CharField()


DiffQuerySerializer._declared_fields["from"] = serializers.CharField()


CHANNELS = ConsentRecord.Channel.choices


class ReceiptSerializer(serializers.Serializer):
    receipt_id = serializers.UUIDField()
    policy = serializers.CharField(allow_null=True)
    version = serializers.CharField(allow_null=True)
    action = serializers.ChoiceField(choices=ConsentRecord.Action.choices)
    locale = serializers.CharField(allow_blank=True)
    channel = serializers.ChoiceField(choices=CHANNELS)
    created_at = serializers.DateTimeField()


class AcceptInSerializer(serializers.Serializer):
    policy = serializers.SlugField(allow_unicode=True)
    version = serializers.CharField(max_length=20)
    locale = serializers.CharField(
        max_length=10,
        required=False,
        help_text="zh-hans or en: the language the member read; default the "
        "request's locale.",
    )
    channel = serializers.ChoiceField(choices=CHANNELS, default="web")


class WithdrawInSerializer(serializers.Serializer):
    policy = serializers.SlugField(allow_unicode=True)
    channel = serializers.ChoiceField(choices=CHANNELS, default="web")


class VisitorReceiptInSerializer(AcceptInSerializer):
    visitor_id = serializers.CharField(
        max_length=64,
        required=False,
        help_text="The visitor's anonymous id; or send the X-Visitor-Id header.",
    )


class ConsentStatusSerializer(serializers.Serializer):
    policy = serializers.CharField()
    title = serializers.CharField()
    accepted_version = serializers.CharField(allow_null=True)
    accepted_at = serializers.DateTimeField(allow_null=True)
    receipt_id = serializers.UUIDField(allow_null=True)
    withdrawn = serializers.BooleanField()
    current_version = serializers.CharField()
    latest_material_version = serializers.CharField(allow_null=True)
    requires_consent = serializers.BooleanField()


class MyConsentsSerializer(serializers.Serializer):
    results = ConsentStatusSerializer(many=True)
    purposes = serializers.DictField(
        child=serializers.BooleanField(),
        help_text="Optional purposes (marketing_email, email_tracking, …) granted.",
    )


OPTIONAL_PURPOSES = [
    (value, label)
    for value, label in ConsentRecord.Purpose.choices
    if value
    not in (ConsentRecord.Purpose.GUARDIAN, ConsentRecord.Purpose.CHILD_SENSITIVE)
]


class PurposeStateSerializer(serializers.Serializer):
    purpose = serializers.ChoiceField(choices=OPTIONAL_PURPOSES)
    granted = serializers.BooleanField()
    since = serializers.DateTimeField(
        allow_null=True, help_text="When the current choice was made; null: never."
    )
    receipt_id = serializers.UUIDField(
        allow_null=True, help_text="The consent record of the current choice."
    )


class PurposeInSerializer(serializers.Serializer):
    granted = serializers.BooleanField()
    channel = serializers.ChoiceField(choices=CHANNELS, default="web")
