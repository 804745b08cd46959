"""The Legal admin menu: policies, version history and diffs, translations awaited,
consent records (read-only, filtered, exportable); and the hooks that keep
policy pages to the Legal group and never delete a published policy."""

from __future__ import annotations

import django_filters
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.models import Page, WorkflowState
from wagtail.permissions import register_permission_policy

from core.admin import RestrictedPermissionPolicy

from .groups import LEGAL_GROUP, TRANSLATORS_GROUP, user_group_names
from .models import ConsentRecord, PolicyPage, PolicyVersion
from .views import (
    AwaitingTranslationView,
    PolicyIndexView,
    VersionDiffView,
    VersionHistoryView,
    policy_rows,
)


class PolicyWorkMenuItem(MenuItem):
    """Policies are in the menu of those who write or translate them (Legal,
    Translators); the pages stay readable by every admin user."""

    def is_shown(self, request):
        groups = user_group_names(request.user)
        return request.user.is_superuser or bool(
            groups & {LEGAL_GROUP, TRANSLATORS_GROUP}
        )


class PolicyAdminViewSet(ViewSet):
    """Policies with their translation status; each one's history and diffs."""

    menu_item_class = PolicyWorkMenuItem

    name = "legal_policies"
    url_prefix = "legal/policies"
    icon = "doc-full"
    menu_label = _("Policies")

    def get_urlpatterns(self):
        return [
            path("", PolicyIndexView.as_view(), name="index"),
            path("<int:pk>/versions/", VersionHistoryView.as_view(), name="history"),
            path("<int:pk>/diff/", VersionDiffView.as_view(), name="diff"),
        ]


class AwaitingTranslationViewSet(ViewSet):
    """The translators' list: policies whose translation is behind the source."""

    menu_item_class = PolicyWorkMenuItem

    name = "legal_awaiting_translation"
    url_prefix = "legal/awaiting-translation"
    icon = "globe"
    menu_label = _("Awaiting translation")

    def get_urlpatterns(self):
        return [path("", AwaitingTranslationView.as_view(), name="index")]


# Records are evidence: nobody adds, edits, deletes or copies them in the admin.
register_permission_policy(
    ConsentRecord,
    RestrictedPermissionPolicy(ConsentRecord, refused=("add", "change", "delete")),
)


class ConsentRecordFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Date"), widget=DateRangePickerWidget
    )
    policy = django_filters.ModelChoiceFilter(
        queryset=PolicyPage.objects.filter(versions__isnull=False).distinct()
    )
    version = django_filters.ModelChoiceFilter(
        queryset=PolicyVersion.objects.select_related("policy")
    )
    receipt_id = django_filters.UUIDFilter(label=_("Receipt"))

    class Meta:
        model = ConsentRecord
        fields = [
            "policy",
            "version",
            "action",
            "purpose",
            "channel",
            "created_at",
            "receipt_id",
        ]


class ConsentRecordViewSet(ModelViewSet):
    """Consent records for the privacy officer: filter, inspect, export to CSV."""

    model = ConsentRecord
    name = "legal_consentrecord"
    icon = "tasks"
    menu_label = _("Consent records")
    url_prefix = "legal/consent-records"
    inspect_view_enabled = True
    form_fields: list[str] = []  # no create or edit views are reachable
    list_display = [
        "created_at",
        "action",
        "version",
        "purpose",
        "subject",
        "locale",
        "channel",
    ]
    list_export = [
        "receipt_id",
        "created_at",
        "action",
        "policy",
        "version",
        "purpose",
        "subject_pseudonym",
        "visitor_id",
        "locale",
        "channel",
        "user_agent",
        "ip_address",
        "data",
    ]
    export_filename = "consent-records"
    filterset_class = ConsentRecordFilterSet
    search_fields = ["subject_pseudonym", "visitor_id", "user__email"]
    inspect_view_fields = [*list_export, "user"]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return ConsentRecord.objects.select_related("policy", "version__policy", "user")


class LegalViewSetGroup(ViewSetGroup):
    menu_label = _("Legal")
    menu_icon = "doc-full"
    menu_order = 250
    items = (PolicyAdminViewSet, AwaitingTranslationViewSet, ConsentRecordViewSet)


@hooks.register("register_admin_viewset")
def register_legal_viewsets():
    return LegalViewSetGroup()


@hooks.register("before_create_page")
def only_legal_creates_policies(request, parent_page, page_class):
    user = request.user
    if page_class is PolicyPage and not (
        user.is_superuser or LEGAL_GROUP in user_group_names(user)
    ):
        raise PermissionDenied


@hooks.register("before_delete_page")
def published_policies_stay(request, page):
    specific = page.specific
    if (
        isinstance(specific, PolicyPage)
        and PolicyVersion.objects.filter(policy=specific).exists()
    ):
        messages.error(
            request,
            _(
                "This policy has published versions members consented to; it "
                "cannot be deleted. Unpublish it instead."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("register_page_header_buttons")
def policy_version_history_button(page, user, view_name, next_url=None):
    specific = page.specific_deferred
    if isinstance(specific, PolicyPage):
        from .selectors import policy_source_page

        source = policy_source_page(page=specific)
        yield Button(
            _("Version history"),
            reverse("legal_policies:history", args=[source.pk]),
            icon_name="history",
            priority=66,
        )


class AwaitingTranslationPanel(Component):
    """Dashboard panel for Legal and translators: policies whose translation is
    behind, and policy translations submitted for Legal's review."""

    name = "legal_awaiting_translation"
    order = 110
    template_name = "legal/admin/awaiting_panel.html"

    def get_context_data(self, parent_context=None):
        rows = [row for row in policy_rows() if row.awaiting]
        review_ids = (
            WorkflowState.objects.active()
            .filter(base_content_type=ContentType.objects.get_for_model(Page))
            .values_list("object_id", flat=True)
        )
        in_review = (
            PolicyPage.objects.filter(pk__in=[int(pk) for pk in review_ids])
            .select_related("locale")
            .order_by("path")
        )
        return {"rows": rows, "in_review": list(in_review)}


@hooks.register("construct_homepage_panels")
def add_awaiting_translation_panel(request, panels):
    groups = user_group_names(request.user)
    if request.user.is_superuser or groups & {TRANSLATORS_GROUP, LEGAL_GROUP}:
        panels.append(AwaitingTranslationPanel())
