"""*Subscriptions* in the admin menu: a read-only list (status, language, search by
address) with each subscription's digest deliveries on its inspect page;
subscribers change their own subscription through the signed links and the API.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from core.admin import RestrictedPermissionPolicy

from .models import Subscription, SubscriptionStatus

# Subscribers manage their own subscriptions (double opt-in): read-only here.
register_permission_policy(
    Subscription,
    RestrictedPermissionPolicy(Subscription, refused=("add", "change", "delete")),
)


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
