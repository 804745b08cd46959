"""Webhooks in the Wagtail admin (Settings → Webhooks).

* *Webhook endpoints*: the frontends to notify — URL, secret, events, locales,
  active; searchable, filterable by active.
* *Webhook deliveries*: the delivery log, newest first — filter by status,
  endpoint and event, search the payload's page title and the last error; each
  row opens its payload, attempts and last answer. Deliveries are written by the
  system only (no add or edit).
"""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from cms.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from core.admin import RestrictedPermissionPolicy


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    name = "webhook_endpoints"
    icon = "link-external"
    menu_label = _("Webhook endpoints")
    copy_view_enabled = False
    search_fields = ["name", "url"]
    search_backend_name = None
    list_filter = ["active"]
    list_display = [
        TitleColumn("name", label=_("name"), url_name="webhook_endpoints:edit"),
        Column("url", label=_("URL")),
        Column("events", label=_("events")),
        Column("locales", label=_("locales")),
        Column("active", label=_("active")),
    ]
    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("url"), FieldPanel("secret")],
            heading=_("Endpoint"),
        ),
        MultiFieldPanel(
            [FieldPanel("events"), FieldPanel("locales"), FieldPanel("active")],
            heading=_("What it receives"),
        ),
    ]


class DeliveryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=WebhookDelivery.Status.choices
    )
    event = django_filters.ChoiceFilter(label=_("Event"), choices=WebhookEvent.choices)
    endpoint = django_filters.ModelChoiceFilter(
        label=_("Endpoint"), queryset=WebhookEndpoint.objects.all()
    )

    class Meta:
        model = WebhookDelivery
        fields = ["status", "event", "endpoint"]


# The log is written by the system: staff may view and delete rows only.
register_permission_policy(
    WebhookDelivery,
    RestrictedPermissionPolicy(WebhookDelivery, refused=("add", "change")),
    exact_class=True,
)


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    name = "webhook_deliveries"
    icon = "history"
    menu_label = _("Webhook deliveries")
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["status"]
    filterset_class = DeliveryFilterSet
    search_fields = ["payload", "last_error", "endpoint__name"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]
    list_display = [
        TitleColumn(
            "__str__", label=_("delivery"), url_name="webhook_deliveries:inspect"
        ),
        StatusTagColumn(
            "get_status_display",
            label=_("status"),
            primary=lambda d: d.status == WebhookDelivery.Status.DELIVERED,
        ),
        Column("attempts", label=_("attempts")),
        Column("response_code", label=_("last response")),
        DateColumn("created_at", label=_("created")),
        DateColumn("last_attempt_at", label=_("last attempt")),
    ]
    inspect_view_fields = [
        "endpoint",
        "event",
        "status",
        "attempts",
        "response_code",
        "last_error",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "delivered_at",
        "payload",
    ]

    def get_queryset(self, request):
        return WebhookDelivery.objects.select_related("endpoint")


class WebhooksGroup(ViewSetGroup):
    menu_label = _("Webhooks")
    menu_icon = "link-external"
    menu_order = 800
    items = (WebhookEndpointViewSet, WebhookDeliveryViewSet)


@hooks.register("register_admin_viewset")
def register_webhook_viewsets():
    return WebhooksGroup()
