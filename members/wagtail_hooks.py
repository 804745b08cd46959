"""The members app's admin, gathered from its domains (Wagtail imports only
``<app>.wagtail_hooks``): the *Members* menu group (members, privacy requests), the
notices to members (``members.notices.admin``), the procurement and
consultation inboxes, the subscription list, the overdue privacy
requests dashboard panel (``members.privacy.admin``) and the members-only document
check (``members.activity.admin``), whose hooks register when imported here."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from members.accounts.admin import MemberViewSet
from members.activity import admin as activity_admin  # noqa: F401 (its hooks)
from members.enquiries.admin import ConsultationViewSet, ProcurementRequestViewSet
from members.notices.admin import NoticeViewSet
from members.privacy.admin import PrivacyRequestViewSet
from members.subscriptions.admin import SubscriptionViewSet


class MembersGroup(ViewSetGroup):
    menu_label = _("Members")
    menu_icon = "group"
    menu_order = 250
    items = (MemberViewSet, PrivacyRequestViewSet, NoticeViewSet)


@hooks.register("register_admin_viewset")
def register_members_viewsets():
    return MembersGroup()


@hooks.register("register_admin_viewset")
def register_procurement_inbox():
    return ProcurementRequestViewSet()


@hooks.register("register_admin_viewset")
def register_consultation_inbox():
    return ConsultationViewSet()


@hooks.register("register_admin_viewset")
def register_subscription_list():
    return SubscriptionViewSet()
