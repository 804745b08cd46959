"""Staff inboxes for online consultations and e-mail subscriptions.

*Consultations*: filter by status, assignee and date, search; on a
consultation's page read the question and thread, assign it, reply (e-mailed to
the visitor or member in their language) and close it. Every change goes through
``members.services.consultations``.

*Subscriptions*: a read-only list (status, language, search by address) with each
subscription's digest deliveries on its inspect page; subscribers change their
own subscription through the signed links and the API.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from core.admin import RestrictedPermissionPolicy
from members.models import (
    Consultation,
    ConsultationStatus,
    Subscription,
    SubscriptionStatus,
    User,
)
from members.services.consultations import (
    consultation_assign,
    consultation_close,
    consultation_message_add,
)

# Visitors and members create these; staff never add, delete or copy them here
# (subscriptions are read-only too).
register_permission_policy(
    Consultation, RestrictedPermissionPolicy(Consultation, refused=("add", "delete"))
)
register_permission_policy(
    Subscription,
    RestrictedPermissionPolicy(Subscription, refused=("add", "change", "delete")),
)


class ConsultationFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(
        label=_("asked"), widget=DateRangePickerWidget
    )
    assignee = django_filters.ModelChoiceFilter(
        label=_("assigned to"),
        queryset=User.objects.filter(is_staff=True, is_active=True),
    )

    class Meta:
        model = Consultation
        fields = ["status", "assignee", "created_at"]


class ConsultationStaffForm(WagtailAdminModelForm):
    """The assignee (a model field) plus a reply and closing, applied by the
    services rather than saved onto the row."""

    reply = forms.CharField(
        label=_("reply"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Added to the thread and e-mailed to the asker in their language; "
            "the consultation becomes answered."
        ),
    )
    close = forms.BooleanField(
        label=_("close the consultation"),
        required=False,
        help_text=_("Nothing more can be added to a closed consultation."),
    )

    def clean(self):
        data = super().clean()
        closed = self.instance.status == ConsultationStatus.CLOSED
        if closed and (data.get("reply") or "").strip():
            self.add_error("reply", _("This consultation is closed."))
        if (data.get("reply") or "").strip() and not self.instance.reply_to:
            self.add_error(
                "reply",
                _("The asker left no e-mail address: call them on %(phone)s.")
                % {"phone": self.instance.phone},
            )
        return data


class ConsultationOverviewPanel(Panel):
    """Read-only: who asked what, about which product, and the thread."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "members/admin/consultation_overview.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["consultation"] = self.instance
            return context


class ConsultationEditView(EditView):
    def save_instance(self):
        instance = self.form.instance
        data = self.form.cleaned_data
        with transaction.atomic():
            if "assignee" in self.form.changed_data:
                consultation_assign(consultation=instance, assignee=data["assignee"])
            if (data.get("reply") or "").strip():
                consultation_message_add(
                    consultation=instance,
                    author=self.request.user,
                    body=data["reply"],
                    from_staff=True,
                )
            if data.get("close"):
                instance = consultation_close(consultation=instance)
        return instance


class ConsultationViewSet(ModelViewSet):
    model = Consultation
    name = "consultations"
    icon = "help"
    menu_label = _("Consultations")
    menu_order = 261
    add_to_admin_menu = True
    copy_view_enabled = False
    edit_view_class = ConsultationEditView
    filterset_class = ConsultationFilterSet
    search_fields = ["name", "email", "phone", "message"]
    search_backend_name = None
    list_display = [
        TitleColumn("__str__", label=_("consultation"), url_name="consultations:edit"),
        Column("email", label=_("e-mail")),
        Column("phone", label=_("phone")),
        StatusTagColumn(
            "get_status_display",
            label=_("status"),
            primary=lambda c: c.status == ConsultationStatus.OPEN,
        ),
        Column("assignee", label=_("assigned to")),
        DateColumn("created_at", label=_("asked")),
    ]
    list_export = [
        "id",
        "name",
        "email",
        "phone",
        "status",
        "locale",
        "product",
        "assignee",
        "created_at",
        "message",
    ]
    export_filename = "consultations"
    ordering = ["-created_at", "-pk"]
    edit_handler = ObjectList(
        [
            ConsultationOverviewPanel(heading=_("Consultation")),
            MultiFieldPanel(
                [FieldPanel("assignee"), FieldPanel("reply"), FieldPanel("close")],
                heading=_("Answer it"),
            ),
        ],
        base_form_class=ConsultationStaffForm,
    )

    def get_queryset(self, request):
        return Consultation.objects.select_related("assignee", "user", "product")


class SubscriptionFilterSet(WagtailFilterSet):
    class Meta:
        model = Subscription
        fields = ["status", "locale"]


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    name = "subscriptions"
    icon = "mail"
    menu_label = _("Subscriptions")
    menu_order = 262
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    filterset_class = SubscriptionFilterSet
    search_fields = ["email"]
    search_backend_name = None
    list_display = [
        TitleColumn("email", label=_("e-mail"), url_name="subscriptions:inspect"),
        Column("topics", label=_("topics")),
        Column("locale", label=_("language")),
        StatusTagColumn(
            "get_status_display",
            label=_("status"),
            primary=lambda s: s.status == SubscriptionStatus.CONFIRMED,
        ),
        DateColumn("confirmed_at", label=_("confirmed")),
        DateColumn("last_digest_at", label=_("last digest")),
    ]
    inspect_view_fields = [
        "email",
        "user",
        "topics",
        "locale",
        "status",
        "created_at",
        "confirmed_at",
        "unsubscribed_at",
        "last_digest_at",
    ]
    ordering = ["-created_at", "-pk"]
    form_fields = ["topics", "locale"]

    def get_queryset(self, request):
        return Subscription.objects.select_related("user")
