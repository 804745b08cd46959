"""*Members → Notices*: the privacy officer sends a security-incident notice to the
affected members, or a service-termination notice to every member (e-mail, SMS
where configured, and in the app), and sees each notice with its recipients.

Notices are never edited or deleted once sent (``RestrictedPermissionPolicy``):
the list is the log. Sending goes through ``members.notices.services.notice_send``.
Registered by ``members.wagtail_hooks``; the Privacy Officer group may add and view
notices (migration ``members.0012``).
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.models import CreateView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from core.admin import RestrictedPermissionPolicy
from core.errors import ValidationFailed

from .models import Notice, NoticeKind
from .services import notice_recipients, notice_send

register_permission_policy(
    Notice, RestrictedPermissionPolicy(Notice, refused=("change", "delete"))
)


class NoticeForm(WagtailAdminModelForm):
    recipients = forms.CharField(
        label=_("affected members"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Security incident: the affected members' e-mail addresses, one a line. "
            "A service termination goes to every member."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        emails = (cleaned.get("recipients") or "").split()
        if kind == NoticeKind.SECURITY_INCIDENT and not emails:
            self.add_error(
                "recipients", _("Name the members affected by the incident.")
            )
        return cleaned


class NoticeCreateView(CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        try:
            recipients = notice_recipients(
                kind=data["kind"], emails=(data.get("recipients") or "").split()
            )
        except ValidationFailed as exc:  # pragma: no cover - the form checks first
            raise forms.ValidationError(exc.detail) from exc
        return notice_send(
            kind=data["kind"],
            content=data,
            recipients=recipients,
            sent_by=self.request.user,
        )


class NoticeViewSet(ModelViewSet):
    model = Notice
    name = "notices"
    icon = "warning"
    menu_label = _("Notices")
    copy_view_enabled = False
    inspect_view_enabled = True
    add_view_class = NoticeCreateView
    search_backend_name = None
    list_display = [
        TitleColumn("title", label=_("notice"), url_name="notices:inspect"),
        Column("get_kind_display", label=_("kind")),
        Column("recipient_count", label=_("recipients")),
        Column("channels", label=_("channels")),
        DateColumn("sent_at", label=_("sent at")),
    ]
    inspect_view_fields = [
        "kind",
        "title",
        "situation",
        "impact",
        "measures",
        "advice",
        "remedies",
        "sent_by",
        "sent_at",
        "recipient_count",
        "channels",
    ]
    ordering = ["-sent_at", "-pk"]
    edit_handler = ObjectList(
        [
            FieldPanel("kind"),
            FieldPanel("recipients"),
            MultiFieldPanel(
                [
                    FieldPanel("title"),
                    FieldPanel("situation"),
                    FieldPanel("impact"),
                    FieldPanel("measures"),
                    FieldPanel("advice"),
                    FieldPanel("remedies"),
                ],
                heading=_("What the members are told"),
            ),
        ],
        base_form_class=NoticeForm,
    )
