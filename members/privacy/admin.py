"""The privacy request queue (*Members → Privacy requests*): overdue requests are
highlighted and counted in a dashboard panel; answering goes through
``members.privacy.services``, which e-mails the member."""

from __future__ import annotations

import datetime

import django_filters
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic.models import EditView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from core.admin import RestrictedPermissionPolicy

from .models import PrivacyRequest
from .services import privacy_request_answer

EMPTY = "—"

# Members file requests and they are kept as evidence: nobody adds or deletes them.
register_permission_policy(PrivacyRequest, RestrictedPermissionPolicy(PrivacyRequest))


class OverdueColumn(Column):
    """The due date, flagged when the request is overdue."""

    cell_template_name = "members/admin/due_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["overdue"] = instance.is_overdue
        return context


class PrivacyRequestFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(label=_("overdue"), method="filter_overdue")

    class Meta:
        model = PrivacyRequest
        fields = ["status", "kind"]

    def filter_overdue(self, queryset, name, value):
        overdue = PrivacyRequest.objects.overdue().values("pk")
        if value is True:
            return queryset.filter(pk__in=overdue)
        if value is False:
            return queryset.exclude(pk__in=overdue)
        return queryset


def _or_dash(value):
    """Empty values read "—" on the request's screens, never "None"."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, datetime.datetime):
        # the admin's time zone (Asia/Shanghai), as the edit form shows it
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    return value


class PrivacyRequestEditView(EditView):
    """Answering goes through the service, which e-mails the member the answer
    exactly when the request becomes completed or refused; the message after
    saving says whether anything was sent."""

    def save_instance(self):
        instance = self.form.instance
        previous = (
            PrivacyRequest.objects.filter(pk=instance.pk)
            .values_list("status", flat=True)
            .first()
        )
        saved = privacy_request_answer(
            request=instance,
            status=instance.status,
            answer=instance.answer,
            staff=self.request.user,
        )
        self.mailed = (
            saved.status in PrivacyRequest.ANSWERED
            and previous not in PrivacyRequest.ANSWERED
            and saved.user_id is not None
        )
        return saved

    def get_success_message(self):
        values = {"object": self.object, "status": self.object.get_status_display()}
        if self.mailed:
            return (
                _("“%(object)s” is %(status)s: the answer was e-mailed to the member.")
                % values
            )
        if self.object.status in PrivacyRequest.ANSWERED:
            return (
                _(
                    "“%(object)s” saved. The member was e-mailed when it was answered; "
                    "this change was not sent."
                )
                % values
            )
        if self.object.answer:
            return (
                _(
                    "“%(object)s” saved; it is still %(status)s, so nothing was sent. "
                    "The member is e-mailed the answer when you set the status to "
                    "completed or refused."
                )
                % values
            )
        return _("“%(object)s” saved; nothing was sent to the member.") % values


class PrivacyRequestInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        return _or_dash(super().get_field_display_value(field_name, field))


class PrivacyRequestViewSet(ModelViewSet):
    model = PrivacyRequest
    name = "privacy_requests"
    icon = "help"
    menu_label = _("Privacy requests")
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = PrivacyRequestInspectView
    inspect_view_fields = [
        "user",
        "kind",
        "details",
        "status",
        "created_at",
        "due_on",
        "answer",
        "answered_at",
        "answered_by",
    ]
    edit_view_class = PrivacyRequestEditView
    filterset_class = PrivacyRequestFilterSet
    search_fields = ["details", "user__email"]
    search_backend_name = None
    list_display = [
        TitleColumn("__str__", label=_("request"), url_name="privacy_requests:edit"),
        Column("user", label=_("member")),
        StatusTagColumn(
            "get_status_display",
            label=_("status"),
            primary=lambda r: r.status not in PrivacyRequest.ANSWERED,
        ),
        DateColumn("created_at", label=_("received")),
        OverdueColumn("due_on", label=_("due on")),
    ]
    ordering = ["due_on", "pk"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("user", read_only=True),
                FieldPanel("kind", read_only=True),
                FieldPanel("details", read_only=True),
                FieldPanel("created_at", read_only=True),
                FieldPanel("due_on", read_only=True),
            ],
            heading=_("Request"),
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "status",
                    help_text=_(
                        "The member is e-mailed the answer when you set the status "
                        "to completed or refused, and only then."
                    ),
                ),
                FieldPanel(
                    "answer",
                    help_text=_(
                        "Shown to the member and e-mailed with the completed or "
                        "refused status; a refusal must give its reason."
                    ),
                ),
                FieldPanel("answered_at", read_only=True),
                FieldPanel("answered_by", read_only=True),
            ],
            heading=_("Answer"),
        ),
    ]

    def get_index_view_kwargs(self, **kwargs):
        queryset = PrivacyRequest.objects.select_related("user")
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class OverduePrivacyRequestsPanel(Component):
    """Dashboard: how many privacy requests are past their due date."""

    name = "overdue_privacy_requests"
    order = 90
    template_name = "members/admin/overdue_panel.html"

    def get_context_data(self, parent_context):
        return {
            "overdue_count": PrivacyRequest.objects.overdue().count(),
            "pending_count": PrivacyRequest.objects.pending().count(),
            "queue_url": reverse("privacy_requests:index"),
        }


@hooks.register("construct_homepage_panels")
def add_overdue_privacy_requests_panel(request, panels):
    if request.user.has_perm("members.view_privacyrequest"):
        panels.append(OverduePrivacyRequestsPanel())
