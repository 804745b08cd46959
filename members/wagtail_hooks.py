"""Staff screens: *Members* (search, customer-service assignment) and the privacy
request queue (overdue highlighted), plus a dashboard panel counting overdue ones."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic.models import EditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from members.models import Member, PrivacyRequest, User
from members.services import privacy_request_answer


class NoAddOrDeletePolicy(ModelPermissionPolicy):
    """Members sign up and cancel themselves; requests are filed by members and kept
    as evidence: nobody adds or deletes these in the admin."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete", "copy"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Member, NoAddOrDeletePolicy(Member))
register_permission_policy(PrivacyRequest, NoAddOrDeletePolicy(PrivacyRequest))


def staff_users() -> QuerySet[User]:
    return User.objects.filter(is_staff=True, is_active=True).order_by("email")


class MemberFilterSet(WagtailFilterSet):
    customer_service = django_filters.ModelChoiceFilter(
        label=_("my customer service"), queryset=staff_users()
    )
    unassigned = django_filters.BooleanFilter(
        label=_("without customer service"),
        field_name="customer_service",
        lookup_expr="isnull",
    )
    date_joined = django_filters.DateFromToRangeFilter(label=_("joined"))

    class Meta:
        model = Member
        fields = ["is_active", "preferred_language", "is_minor"]


class MemberViewSet(ModelViewSet):
    model = Member
    name = "members"
    icon = "user"
    menu_label = _("Members")
    copy_view_enabled = False
    inspect_view_enabled = True
    search_fields = ["email", "phone", "company_name", "display_name", "wechat_id"]
    search_backend_name = None
    filterset_class = MemberFilterSet
    list_display = [
        TitleColumn("email", label=_("e-mail"), url_name="members:edit"),
        "display_name",
        "phone",
        "company_name",
        Column("customer_service", label=_("my customer service")),
        DateColumn("date_joined", label=_("joined")),
        "is_active",
    ]
    list_export = [
        "email",
        "display_name",
        "phone",
        "company_name",
        "position",
        "customer_service",
        "date_joined",
    ]
    ordering = ["-date_joined"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("email", read_only=True),
                FieldPanel("display_name"),
                FieldPanel("phone"),
                FieldPanel("wechat_id"),
                FieldPanel("qq"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("company_name"),
                FieldPanel("company_address"),
                FieldPanel("position"),
                FieldPanel("preferred_language"),
            ],
            heading=_("Company"),
        ),
        FieldPanel(
            "customer_service",
            help_text=_("The staff member the member sees as their customer service."),
        ),
    ]

    def get_queryset(self, request):
        return Member.objects.select_related("customer_service")


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


class MembersGroup(ViewSetGroup):
    menu_label = _("Members")
    menu_icon = "group"
    menu_order = 250
    items = (MemberViewSet, PrivacyRequestViewSet)


@hooks.register("register_admin_viewset")
def register_members_viewsets():
    return MembersGroup()


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


from members import hooks_activity  # noqa: E402, F401  (registers its hooks)
