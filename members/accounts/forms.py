"""The extra fields of sign-up (``ACCOUNT_SIGNUP_FORM_CLASS``).

allauth's headless sign-up (``POST /api/v1/auth/{client}/v1/auth/signup``) accepts
these beside ``email``, ``password`` and the optional ``phone``:

* ``accepted_policies``: ``[{"policy": slug, "version": label}, …]`` — the current
  version of every published policy (``GET /api/v1/policies/`` lists them). A
  missing one is a 400 ``consent_required``, an older one ``policy_outdated``, an
  unknown one ``policy_unknown``. With no policy published (a fresh development
  site) nothing is required.
* ``age_group``: ``"18_or_over"``, ``"14_to_17"`` or ``"under_14"`` — the member's
  statement of age (``members.accounts.models.AgeGroup``);
* ``guardian_name``, ``guardian_contact``, ``guardian_consent`` (true): required for
  every minor (under 18), as the privacy policy says; the consent is recorded as its
  own record;
* ``sensitive_data_consent`` (true): required under 14 — a child's data is
  sensitive personal information, processed only with the guardian's separate,
  explicit consent (PIPL art. 28, 31), recorded as its own record too;
* ``purposes`` (optional): optional purposes granted at once, e.g.
  ``["marketing_email"]`` — never a condition for signing up;
* ``locale`` (optional): the language the policies were shown in (default: the
  request's language); ``channel`` (optional): ``web``, ``app`` or
  ``mini_program`` (default: ``app`` for the app client, else ``web``).

Everything is written as ``ConsentRecord``\\ s by ``legal.services`` in the same
transaction as the account (the sign-up view runs atomically, see
``frontend_api.middleware.AuthApiMiddleware``).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.clients import client_details
from core.errors import ApplicationError
from legal import services as legal_services
from legal.models import ConsentRecord

from .models import AgeGroup


class AcceptedPoliciesField(forms.Field):
    """A JSON list of ``{"policy": slug, "version": label}`` objects."""

    default_error_messages = {
        "invalid": _('Send a list of {"policy": slug, "version": label} objects.'),
    }

    def to_python(self, value: Any) -> list[tuple[str, str]]:
        if value in self.empty_values:
            return []
        if not isinstance(value, list):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        accepted = []
        for item in value:
            if not isinstance(item, dict) or not all(
                isinstance(item.get(key), str) and item[key].strip()
                for key in ("policy", "version")
            ):
                raise forms.ValidationError(
                    self.error_messages["invalid"], code="invalid"
                )
            accepted.append((item["policy"].strip(), item["version"].strip()))
        return accepted


class SignupConsentForm(forms.Form):
    accepted_policies = AcceptedPoliciesField(
        required=False,
        help_text='The current version of every published policy: [{"policy": '
        '"<slug>", "version": "<label>"}]. 400 consent_required / policy_outdated / '
        "policy_unknown otherwise; nothing is required while no policy is published.",
    )
    age_group = forms.ChoiceField(choices=AgeGroup.choices)
    guardian_name = forms.CharField(max_length=80, required=False)
    guardian_contact = forms.CharField(max_length=120, required=False)
    guardian_consent = forms.BooleanField(required=False)
    sensitive_data_consent = forms.BooleanField(required=False)
    purposes = forms.MultipleChoiceField(
        choices=[
            (value, label)
            for value, label in ConsentRecord.Purpose.choices
            if value in legal_services.OPTIONAL_PURPOSES
        ],
        required=False,
        help_text="Optional purposes granted at sign-up; never a condition.",
    )
    locale = forms.ChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        help_text="The language the policies were shown in (default: the request's).",
    )
    channel = forms.ChoiceField(
        choices=ConsentRecord.Channel.choices,
        required=False,
        help_text="Default: app for the app client, web for the browser client.",
    )

    def clean_accepted_policies(self) -> list:
        try:
            return legal_services.signup_policies_check(
                accepted=self.cleaned_data.get("accepted_policies") or []
            )
        except ApplicationError as exc:
            raise forms.ValidationError(exc.detail, code=exc.code) from exc

    def clean(self) -> dict:
        super().clean()
        cleaned = self.cleaned_data
        age_group = cleaned.get("age_group")
        if age_group in (AgeGroup.MINOR, AgeGroup.CHILD):
            for name in ("guardian_name", "guardian_contact"):
                if not (cleaned.get(name) or "").strip():
                    self.add_error(
                        name,
                        forms.ValidationError(
                            _("A member under 18 needs a guardian's consent."),
                            code="guardian_required",
                        ),
                    )
            if not cleaned.get("guardian_consent"):
                self.add_error(
                    "guardian_consent",
                    forms.ValidationError(
                        _("The guardian must confirm their consent."),
                        code="guardian_required",
                    ),
                )
        if age_group == AgeGroup.CHILD and not cleaned.get("sensitive_data_consent"):
            self.add_error(
                "sensitive_data_consent",
                forms.ValidationError(
                    _(
                        "A child's personal information is sensitive: the guardian "
                        "must consent to it separately."
                    ),
                    code="sensitive_consent_required",
                ),
            )
        return cleaned

    def _channel(self, request) -> str:
        if self.cleaned_data.get("channel"):
            return self.cleaned_data["channel"]
        headless = getattr(getattr(request, "allauth", None), "headless", None)
        client = getattr(headless, "client", "")
        return (
            ConsentRecord.Channel.APP if client == "app" else ConsentRecord.Channel.WEB
        )

    def signup(self, request, user) -> None:
        data = self.cleaned_data
        user.age_group = data.get("age_group") or AgeGroup.ADULT
        user.save(update_fields=["age_group"])
        minor = user.is_minor
        guardian = None
        if minor:
            guardian = {
                "name": data["guardian_name"].strip(),
                "contact": data["guardian_contact"].strip(),
            }
        legal_services.signup_consents_record(
            user=user,
            versions=data.get("accepted_policies") or [],
            purposes=data.get("purposes") or [],
            guardian=guardian,
            child=user.age_group == AgeGroup.CHILD,
            locale=data.get("locale") or get_language() or "",
            channel=self._channel(request),
            **client_details(request),
        )
