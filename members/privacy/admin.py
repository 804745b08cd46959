"""The privacy request queue (*Members → Privacy requests*): overdue requests are
highlighted and counted in a dashboard panel; answering goes through
``members.privacy.services``, which e-mails the member."""

from __future__ import annotations

import django_filters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from core.admin import RestrictedPermissionPolicy

from .models import PrivacyRequest
from .services import privacy_request_answer

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


class PrivacyRequestEditView(EditView):
    def save_instance(self):
        """Answering goes through the service, which e-mails the member."""
        instance = self.form.instance
        return privacy_request_answer(
            request=instance,
            status=instance.status,
            answer=instance.answer,
            staff=self.request.user,
        )


class PrivacyRequestViewSet(ModelViewSet):
    model = PrivacyRequest
    name = "privacy_requests"
    icon = "help"
    menu_label = _("Privacy requests")
    copy_view_enabled = False
    inspect_view_enabled = True
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
            [FieldPanel("status"), FieldPanel("answer")],
            heading=_("Answer"),
        ),
    ]

    def get_queryset(self, request):
        return PrivacyRequest.objects.select_related("user")


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
