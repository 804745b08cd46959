"""The two staff inboxes of enquiries, on one base.

*Procurement requests*: filter by status, assignee and date, search, export CSV; on
a request's page read its items, history and thread, assign it, move its status and
reply. *Consultations*: the same list; on a consultation's page read the question
and thread, assign it, reply (e-mailed to the visitor or member in their language)
and close it.

The base (``InboxFilterSet``, ``InboxStaffForm``, ``InboxEditView``,
``InboxViewSet``, with ``core.admin.RestrictedPermissionPolicy``) holds what they
share: nobody adds or deletes enquiries here, the assignee and date filters, the
reply field, assigning through
``enquiry_assign``. Every change goes through ``members.enquiries.services``, so the
history is kept and the asker is e-mailed exactly as when the API makes the change.
Registered by ``members.wagtail_hooks``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from core.admin import RestrictedPermissionPolicy
from core.errors import Conflict
from core.files import private_file_response

from .models import (
    Consultation,
    ConsultationStatus,
    ProcurementAttachment,
    ProcurementRequest,
    ProcurementStatus,
)
from .selectors import (
    procurement_inbox,
    procurement_item_lines,
    sales_inbox_counts,
    sales_staff,
)
from .services import (
    allowed_moves,
    consultation_close,
    consultation_message_add,
    enquiry_assign,
    procurement_message_add,
    procurement_request_transition,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


# --- the inbox base ---------------------------------------------------------------


# Members and visitors create enquiries; staff never add, delete or copy them here.
for _model in (ProcurementRequest, Consultation):
    register_permission_policy(_model, RestrictedPermissionPolicy(_model))


class InboxFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(
        label=_("created"), widget=DateRangePickerWidget
    )
    assignee = django_filters.ModelChoiceFilter(
        label=_("assigned to"), queryset=lambda request: sales_staff()
    )

    class Meta:
        fields = ["status", "assignee", "created_at"]


class InboxStaffForm(WagtailAdminModelForm):
    """The assignee (a model field) plus a reply, applied by the services rather
    than saved onto the row; subclasses name the reply and add their own actions."""

    reply_label = _("reply")
    reply_help_text: str | StrPromise = ""

    reply = forms.CharField(
        required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reply"].label = self.reply_label
        self.fields["reply"].help_text = self.reply_help_text
        if "assignee" in self.fields:
            # Enquiries go to sales; keep an earlier assignee listed.
            self.fields["assignee"].queryset = sales_staff(
                keep=self.instance.assignee_id
            )


class InboxEditView(EditView):
    """Saving assigns through ``enquiry_assign``, then ``work`` applies the
    subclass's actions (status, reply, close) — all in one transaction.

    A move the services refuse (``Conflict``, e.g. another salesperson changed the
    status meanwhile) rolls the whole save back and shows the form again as it was
    sent, the error on ``conflict_field``: nothing typed or chosen is lost."""

    conflict_field: str | None = None
    conflict_message = _("Someone else changed this meanwhile; please check it.")

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except Conflict:
            form.add_error(self.conflict_field, self.conflict_message)
            self.produced_error_code = "conflict"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def save_instance(self):
        instance = self.form.instance
        data = self.form.cleaned_data
        with transaction.atomic():
            if "assignee" in self.form.changed_data:
                enquiry_assign(enquiry=instance, assignee=data["assignee"])
            instance = self.work(instance, data)
        return instance

    def work(self, instance, data):
        return instance


class InboxViewSet(ModelViewSet):
    add_to_admin_menu = True
    copy_view_enabled = False
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    related: tuple[str, ...] = ("assignee", "user")

    def inbox_queryset(self):
        return self.base_queryset().select_related(*self.related)

    def base_queryset(self):
        return self.model.objects.all()

    # The list (and its CSV) and the edit view read the inbox, not the whole table.
    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(queryset=self.inbox_queryset(), **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(queryset=self.inbox_queryset(), **kwargs)


# --- procurement requests -----------------------------------------------------------


class ProcurementFilterSet(InboxFilterSet):
    class Meta(InboxFilterSet.Meta):
        model = ProcurementRequest


class ProcurementStaffForm(InboxStaffForm):
    """A status move and a reply to the member."""

    reply_label = _("reply to the member")
    reply_help_text = _("Added to the thread and e-mailed in the member's language.")

    new_status = forms.ChoiceField(
        label=_("change status to"),
        required=False,
        help_text=_("The member is e-mailed about every change."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer only the moves the status machine allows from the current status
        # (in the order of the statuses), so a save never refuses a choice.
        moves = allowed_moves(status=self.instance.status, by_staff=True)
        field = self.fields["new_status"]
        field.choices = [
            ("", _("— keep the status —")),
            *(
                (value, label)
                for value, label in ProcurementStatus.choices
                if value in moves
            ),
        ]
        if not moves:
            field.disabled = True
            field.help_text = _("No further status change is possible.")


class ProcurementOverviewPanel(Panel):
    """Read-only: the request, its items, attachments, history and messages."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "members/admin/procurement_overview.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["rfq"] = self.instance
            context["item_lines"] = procurement_item_lines(
                request=self.instance, language=translation.get_language()
            )
            return context


class ProcurementEditView(InboxEditView):
    conflict_field = "new_status"
    conflict_message = _("The status changed meanwhile; choose the next status again.")

    def work(self, instance, data):
        staff = self.request.user
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


class ProcurementRequestViewSet(InboxViewSet):
    model = ProcurementRequest
    name = "procurement_requests"
    icon = "list-ul"
    # Short enough for the sidebar ("Procurement requests" was cut off).
    menu_label = _("Quote requests")
    menu_order = 260
    edit_view_class = ProcurementEditView
    filterset_class = ProcurementFilterSet
    search_fields = ["title", "contact_name", "company_name", "contact_email"]
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

    def base_queryset(self):
        return procurement_inbox()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("attachment/<int:pk>/", self.attachment_view, name="attachment"),
        ]

    def attachment_view(self, request, pk: int):
        """An attachment of a request in the inbox, for staff who may see the
        inbox (the file is in the private storage: no URL of its own)."""
        if not self.permission_policy.user_has_any_permission(
            request.user, ["view", "change"]
        ):
            raise PermissionDenied
        attachment = get_object_or_404(
            ProcurementAttachment, pk=pk, request__in=self.base_queryset()
        )
        try:
            return private_file_response(
                attachment.file,
                filename=attachment.original_name,
                content_type=attachment.content_type,
            )
        except FileNotFoundError as exc:
            raise Http404 from exc

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


# --- consultations ------------------------------------------------------------------


class ConsultationFilterSet(InboxFilterSet):
    created_at = django_filters.DateFromToRangeFilter(
        label=_("asked"), widget=DateRangePickerWidget
    )

    class Meta(InboxFilterSet.Meta):
        model = Consultation


class ConsultationStaffForm(InboxStaffForm):
    """A reply to the asker, and closing."""

    reply_help_text = _(
        "Added to the thread and e-mailed to the asker in their language; "
        "the consultation becomes answered."
    )

    given_offline = forms.BooleanField(
        label=_("answered by phone or in person"),
        required=False,
        help_text=_(
            "Records the reply above as the answer given outside e-mail; "
            "nothing is e-mailed."
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
        offline = data.get("given_offline")
        if offline and not (data.get("reply") or "").strip():
            self.add_error(
                "reply", _("Write down the answer you gave by phone or in person.")
            )
        if (
            (data.get("reply") or "").strip()
            and not offline
            and not self.instance.reply_to
        ):
            self.add_error(
                "reply",
                _(
                    "The asker left no e-mail address: call them on %(phone)s, "
                    "then record your answer here with “answered by phone or in "
                    "person” ticked."
                )
                % {"phone": self.instance.phone or "—"},
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


class ConsultationEditView(InboxEditView):
    conflict_field = "reply"
    conflict_message = _("This consultation is closed.")

    def work(self, instance, data):
        if (data.get("reply") or "").strip():
            consultation_message_add(
                consultation=instance,
                author=self.request.user,
                body=data["reply"],
                from_staff=True,
                given_offline=bool(data.get("given_offline")),
            )
        if data.get("close"):
            instance = consultation_close(consultation=instance)
        return instance


class ConsultationViewSet(InboxViewSet):
    model = Consultation
    name = "consultations"
    icon = "help"
    menu_label = _("Consultations")
    menu_order = 261
    edit_view_class = ConsultationEditView
    filterset_class = ConsultationFilterSet
    search_fields = ["name", "email", "phone", "message"]
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
    edit_handler = ObjectList(
        [
            ConsultationOverviewPanel(heading=_("Consultation")),
            MultiFieldPanel(
                [
                    FieldPanel("assignee"),
                    FieldPanel("reply"),
                    FieldPanel("given_offline"),
                    FieldPanel("close"),
                ],
                heading=_("Answer it"),
            ),
        ],
        base_form_class=ConsultationStaffForm,
    )
    related = ("assignee", "user", "product")


# --- the sales dashboard --------------------------------------------------------------


class SalesInboxPanel(Component):
    """Dashboard for sales: new, unassigned and overdue requests and
    consultations, each figure linking to its inbox."""

    name = "sales_inboxes"
    order = 80
    template_name = "members/admin/sales_panel.html"

    def get_context_data(self, parent_context=None):
        counts = sales_inbox_counts()
        return {
            "hours": settings.ENQUIRY_ANSWER_HOURS,
            "rows": [
                (
                    _("Quote requests"),
                    counts["procurement"],
                    reverse("procurement_requests:index"),
                    ProcurementStatus.SUBMITTED,
                ),
                (
                    _("Consultations"),
                    counts["consultation"],
                    reverse("consultations:index"),
                    ConsultationStatus.OPEN,
                ),
            ],
        }


@hooks.register("construct_homepage_panels")
def add_sales_inbox_panel(request, panels):
    user = request.user
    if user.has_perm("members.view_procurementrequest") or user.has_perm(
        "members.view_consultation"
    ):
        panels.append(SalesInboxPanel())
