"""The *Members* screen of the admin: search members, filter them, assign their
customer service (registered in the *Members* menu group by ``members.wagtail_hooks``);
and *Settings → Users* (``AccountViewSet``, via ``members.accounts.users_app``).

Staff never change a member's login identifiers (e-mail, mobile phone) or password
here: the member changes them through the API, with verification. On the *Members*
screen e-mail and phone are read-only; on *Settings → Users* a member's e-mail is
read-only and the password fields are absent. A staff account's e-mail and password
may be changed by its holder or by a superuser (onboarding, lock-outs). Everything
staff do change on an account is logged (``members.account.edit``: who, and the
names of the changed fields, never their values) and shown in the member's history.
"""

from __future__ import annotations

from collections.abc import Iterable

import django_filters
from django.contrib.auth import update_session_auth_hash
from django.core.exceptions import FieldDoesNotExist
from django.db.models import QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter, log
from wagtail.permissions import register_permission_policy
from wagtail.users.forms import UserEditForm
from wagtail.users.views import users as wagtail_users

from core.admin import RestrictedPermissionPolicy

from .models import Member, User

# Members sign up and cancel themselves: nobody adds, deletes or copies them here.
register_permission_policy(Member, RestrictedPermissionPolicy(Member))


ACCOUNT_EDIT = "members.account.edit"
PASSWORD_FIELD = "password"  # noqa: S105 (the log's name for password1/password2)


def credentials_editable(editor: User | None, account: User) -> bool:
    """May ``editor`` change ``account``'s e-mail and password in the admin?

    Never a member's (the member does, with verification); a staff account's by
    its holder or a superuser."""
    if editor is None or account.pk is None:
        return False
    if account.is_member:
        return False
    return editor.pk == account.pk or editor.is_superuser


def _changed_fields(names: Iterable[str]) -> list[str]:
    return sorted(
        {PASSWORD_FIELD if name.startswith(PASSWORD_FIELD) else name for name in names}
    )


def log_account_edit(account: User, editor: User, fields: Iterable[str]) -> None:
    """Record that ``editor`` changed ``fields`` of ``account`` (names, not values),
    against the *Members* screen's model for a member so its history shows it."""
    changed = _changed_fields(fields)
    if not changed:
        return
    instance: User = Member.objects.get(pk=account.pk) if account.is_member else account
    log(instance, ACCOUNT_EDIT, user=editor, data={"fields": changed})


def field_label(name: str) -> str:
    if name == PASSWORD_FIELD:
        return gettext("password")
    try:
        return str(capfirst(User._meta.get_field(name).verbose_name))  # type: ignore[union-attr]
    except FieldDoesNotExist:
        return name


@hooks.register("register_log_actions")
def register_account_log_actions(actions) -> None:
    @actions.register_action(ACCOUNT_EDIT)
    class AccountEdited(LogFormatter):
        label = _("Account changed by staff")

        def format_message(self, log_entry) -> str:
            names = (log_entry.data or {}).get("fields", [])
            return gettext("Changed: %(fields)s") % {
                "fields": pgettext("list separator", ", ").join(
                    field_label(name) for name in names
                )
            }


class MemberEditView(generic.EditView):
    """Saves through Wagtail's edit action, logging which fields staff changed."""

    def save_instance(self):
        instance = self.action_class(
            self.form.instance, user=self.request.user, form=self.form, log_action=False
        ).execute(skip_permission_checks=True)
        log_account_edit(instance, self.request.user, self.form.changed_data)
        return instance


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
    edit_view_class = MemberEditView
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
                FieldPanel("phone", read_only=True),
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


class AccountEditForm(UserEditForm):
    """Wagtail's user form without a member's credentials: the e-mail is shown
    disabled (a posted value is ignored) and the password fields are absent unless
    ``credentials_editable``."""

    def __init__(self, *args, editor: User | None = None, **kwargs):
        self.credentials_editable = credentials_editable(editor, kwargs["instance"])
        super().__init__(*args, **kwargs)
        if not self.credentials_editable:
            email = self.fields["email"]
            email.disabled = True
            email.required = False
            email.help_text = _(
                "Only the member changes it (with verification), not staff."
            )

    @property
    def password_enabled(self) -> bool:
        return self.credentials_editable and super().password_enabled


class AccountEditView(wagtail_users.EditView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "editor": self.request.user}

    def save_instance(self):
        instance = self.action_class(
            self.form.instance, user=self.request.user, form=self.form, log_action=False
        ).execute(skip_permission_checks=True)
        log_account_edit(instance, self.request.user, self.form.changed_data)
        if self.editing_self and "password1" in self.form.changed_data:
            update_session_auth_hash(self.request, instance)  # as Wagtail's does
        return instance


class AccountViewSet(wagtail_users.UserViewSet):
    """*Settings → Users* with ``AccountEditForm``; bulk *active* and *role*
    changes are logged like edits (``log_bulk_account_changes``)."""

    edit_view_class = AccountEditView

    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else super().get_form_class(for_update)


BULK_FIELDS = {"set_active_state": "is_active", "assign_role": "groups"}


@hooks.register("after_bulk_action")
def log_bulk_account_changes(request, action_type, objects, action) -> None:
    field = BULK_FIELDS.get(action_type)
    if field is None or not issubclass(getattr(action, "model", object), User):
        return
    for account in objects:
        if account.pk != request.user.pk or field != "is_active":
            log_account_edit(account, request.user, [field])
