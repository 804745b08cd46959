"""The *Members* screen of the admin: search members, filter them, assign their
customer service (registered in the *Members* menu group by ``members.wagtail_hooks``).
"""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from core.admin import RestrictedPermissionPolicy

from .models import Member, User

# Members sign up and cancel themselves: nobody adds, deletes or copies them here.
register_permission_policy(Member, RestrictedPermissionPolicy(Member))


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
        fields = ["is_active", "preferred_language", "age_group"]


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
