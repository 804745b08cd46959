"""The sales inbox for procurement requests (*Procurement requests* in the admin
menu): filter by status, assignee and date, search, export CSV; on a request's
page, read its items, history and thread, assign it, move its status and reply.

Every change goes through ``members.services.procurement``, so the history is
kept and the member is e-mailed exactly as when the API makes the change.
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
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from members.models import ProcurementRequest, ProcurementStatus, User
from members.services.procurement import (
    allowed_moves,
    procurement_message_add,
    procurement_request_assign,
    procurement_request_transition,
)


class NoAddOrDeletePolicy(ModelPermissionPolicy):
    """Members create requests; staff never add or delete them here."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(ProcurementRequest, NoAddOrDeletePolicy(ProcurementRequest))


class ProcurementFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(
        label=_("created"), widget=DateRangePickerWidget
    )
    assignee = django_filters.ModelChoiceFilter(
        label=_("assigned to"),
        queryset=User.objects.filter(is_staff=True, is_active=True),
    )

    class Meta:
        model = ProcurementRequest
        fields = ["status", "assignee", "created_at"]


class ProcurementStaffForm(WagtailAdminModelForm):
    """Assignee (a model field) plus a status move and a reply, applied by the
    services rather than saved onto the row."""

    new_status = forms.ChoiceField(
        label=_("change status to"),
        required=False,
        choices=[("", _("— keep the status —")), *ProcurementStatus.choices],
        help_text=_("The member is e-mailed about every change."),
    )
    reply = forms.CharField(
        label=_("reply to the member"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Added to the thread and e-mailed in the member's language."),
    )

    def clean_new_status(self):
        wanted = self.cleaned_data.get("new_status")
        current = self.instance.status
        if wanted and wanted != current:
            if wanted not in allowed_moves(status=current, by_staff=True):
                raise forms.ValidationError(
                    _("A %(current)s request cannot become %(wanted)s.")
                    % {"current": current, "wanted": wanted}
                )
        return wanted


class ProcurementOverviewPanel(Panel):
    """Read-only: the request, its items, attachments, history and messages."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "members/admin/procurement_overview.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["rfq"] = self.instance
            return context


class ProcurementEditView(EditView):
    def save_instance(self):
        instance = self.form.instance
        data = self.form.cleaned_data
        staff = self.request.user
        with transaction.atomic():
            if "assignee" in self.form.changed_data:
                procurement_request_assign(request=instance, assignee=data["assignee"])
            wanted = data.get("new_status")
            if wanted and wanted != instance.status:
                instance = procurement_request_transition(
                    request=instance, to_status=wanted, actor=staff, by_staff=True
                )
            if data.get("reply", "").strip():
                procurement_message_add(
                    request=instance, author=staff, body=data["reply"], from_staff=True
                )
        return instance


class ProcurementRequestViewSet(ModelViewSet):
    model = ProcurementRequest
    name = "procurement_requests"
    icon = "list-ul"
    menu_label = _("Procurement requests")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    edit_view_class = ProcurementEditView
    filterset_class = ProcurementFilterSet
    search_fields = ["title", "contact_name", "company_name", "contact_email"]
    search_backend_name = None
    list_display = [
        TitleColumn(
            "__str__", label=_("request"), url_name="procurement_requests:edit"
        ),
        Column("company_name", label=_("company")),
        Column("contact_name", label=_("contact")),
        StatusTagColumn(
            "get_status_display",
            label=_("status"),
            primary=lambda r: r.status == ProcurementStatus.SUBMITTED,
        ),
        Column("assignee", label=_("assigned to")),
        DateColumn("created_at", label=_("created")),
    ]
    list_export = [
        "id",
        "title",
        "status",
        "company_name",
        "contact_name",
        "contact_phone",
        "contact_email",
        "delivery_province",
        "delivery_city",
        "wanted_by",
        "budget",
        "assignee",
        "created_at",
        "submitted_at",
    ]
    export_filename = "procurement-requests"
    ordering = ["-created_at", "-pk"]
    edit_handler = ObjectList(
        [
            ProcurementOverviewPanel(heading=_("Request")),
            MultiFieldPanel(
                [
                    FieldPanel("assignee"),
                    FieldPanel("new_status"),
                    FieldPanel("reply"),
                ],
                heading=_("Work on it"),
            ),
        ],
        base_form_class=ProcurementStaffForm,
    )

    def get_queryset(self, request):
        return ProcurementRequest.objects.select_related("assignee", "user")
