"""Input and output serializers of ``/api/v1/me/procurement-requests/``,
``/api/v1/consultations/`` and ``/api/v1/me/consultations/``."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.pages import page_frontend_path
from members.enquiries.models import (
    ConsultationStatus,
    ProcurementStatus,
    ProcurementUnit,
)
from products.packaging import PackageSize

from .. import fields
from ..content.serializers.common import PackageSizeSerializer

# --- procurement requests -----------------------------------------------------------


class ItemInSerializer(serializers.Serializer):
    product = fields.IntegerField(
        required=False, allow_null=True, help_text="A catalogue product's page id."
    )
    description = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text="Free text, required when no product is given.",
    )
    grade = serializers.CharField(required=False, allow_blank=True, max_length=100)
    quantity = serializers.DecimalField(
        max_digits=12, decimal_places=3, min_value=Decimal("0.001")
    )
    unit = serializers.ChoiceField(
        choices=ProcurementUnit.choices,
        help_text="`package`: the quantity counts packages of `package_size`.",
    )
    package_size = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=64,
        help_text="The `id` of one of the product's `package_sizes` (product "
        "detail or list); a size the product does not offer is a 400 "
        "`invalid_package_size`.",
    )


class ProcurementRequestInSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    items = ItemInSerializer(many=True, allow_empty=False)
    delivery_province = serializers.CharField(max_length=50)
    delivery_city = serializers.CharField(max_length=50)
    wanted_by = serializers.DateField(required=False, allow_null=True)
    budget = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        min_value=0,
        required=False,
        allow_null=True,
        help_text="In CNY.",
    )
    notes = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    contact_name = serializers.CharField(
        required=False, allow_blank=True, max_length=80, help_text="Default: profile."
    )
    contact_phone = serializers.CharField(
        required=False, allow_blank=True, max_length=30, help_text="Default: profile."
    )
    contact_email = serializers.EmailField(
        required=False, allow_blank=True, help_text="Default: your e-mail."
    )
    company_name = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text="Default: profile."
    )
    submit = serializers.BooleanField(
        default=True, help_text="False keeps it a draft (e.g. to attach files first)."
    )


class ItemOutSerializer(serializers.Serializer):
    """One item of a request, with its product's title and frontend URL."""

    # context["products"]: product id → the live version to show
    # (members.enquiries.selectors.product_versions).

    id = serializers.IntegerField()
    product = serializers.IntegerField(source="product_id", allow_null=True)
    product_title = serializers.SerializerMethodField(
        help_text="The product's title in the request's language while it is "
        "published, else the title when asked; empty for free-text items."
    )
    product_title_when_asked = serializers.CharField(
        source="product_title",
        help_text="The title copied when the request was made (kept after a "
        "rename or unpublishing).",
    )
    product_sku = serializers.CharField()
    product_url = serializers.SerializerMethodField(
        help_text="Frontend path of the product in the request's language (else "
        "its source language); null once it is no longer published."
    )
    description = serializers.CharField()
    grade = serializers.CharField()
    quantity = serializers.DecimalField(max_digits=12, decimal_places=3)
    unit = serializers.ChoiceField(choices=ProcurementUnit.choices)
    package_size = serializers.SerializerMethodField()

    def _shown(self, item):
        return self.context.get("products", {}).get(item.product_id)

    def get_product_title(self, item) -> str:
        shown = self._shown(item)
        return shown.title if shown else item.product_title

    def get_product_url(self, item) -> str | None:
        shown = self._shown(item)
        return page_frontend_path(shown) if shown else None

    @extend_schema_field(PackageSizeSerializer(allow_null=True))
    def get_package_size(self, item):
        if not item.package_size:
            return None
        size = PackageSize.from_data(item.package_size)
        with translation.override(self.context.get("language")):
            label = size.label
        return {
            "id": item.package_size.get("id") or "",
            **size.to_data(),
            "label": label,
        }


class AttachmentOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(source="original_name")
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    url = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()

    def get_url(self, attachment) -> str:
        """The download under ``/api/v1/me/`` (the file itself has no public URL)."""
        url = reverse(
            "api-me-procurement-request-attachment",
            args=[attachment.request_id, attachment.pk],
        )
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class StatusChangeOutSerializer(serializers.Serializer):
    from_status = serializers.CharField()
    to_status = serializers.ChoiceField(choices=ProcurementStatus.choices)
    by = serializers.SerializerMethodField()
    changed_at = serializers.DateTimeField()

    def get_by(self, change) -> str:
        return "sales" if change.by_staff else "member"


class MessageOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    from_sales = serializers.BooleanField(source="from_staff")
    author = serializers.SerializerMethodField()
    body = serializers.CharField()
    created_at = serializers.DateTimeField()

    def get_author(self, message) -> str:
        return str(message.author) if message.author else ""


class ProcurementRequestOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    status = serializers.ChoiceField(choices=ProcurementStatus.choices)
    items = ItemOutSerializer(many=True, source="items.all")
    delivery_province = serializers.CharField()
    delivery_city = serializers.CharField()
    wanted_by = serializers.DateField(allow_null=True)
    budget = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    notes = serializers.CharField()
    contact_name = serializers.CharField()
    contact_phone = serializers.CharField()
    contact_email = serializers.EmailField()
    company_name = serializers.CharField()
    attachments = AttachmentOutSerializer(many=True, source="attachments.all")
    created_at = serializers.DateTimeField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField()


class ProcurementRequestDetailSerializer(ProcurementRequestOutSerializer):
    history = StatusChangeOutSerializer(many=True, source="history.all")
    messages = MessageOutSerializer(many=True, source="messages.all")


class StatusInSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[ProcurementStatus.SUBMITTED, ProcurementStatus.CANCELLED]
    )


class MessageInSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=5000)


class AttachmentInSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="PDF, XLSX, JPG or PNG, at most 10 MB.")


# --- consultations ------------------------------------------------------------------


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
    product = fields.IntegerField(
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
