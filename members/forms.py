"""The extra fields of sign-up (``ACCOUNT_SIGNUP_FORM_CLASS``).

allauth's headless sign-up (``POST /api/v1/auth/{client}/v1/auth/signup``) accepts
these beside ``email``, ``password`` and the optional ``phone``:

* ``age_group``: ``"14_or_over"`` or ``"under_14"`` — the member's statement of age;
* ``guardian_name``, ``guardian_contact``, ``guardian_consent`` (true): required when
  under 14, as the privacy policy says; the consent is recorded as its own record.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class SignupConsentForm(forms.Form):
    AGE_GROUPS = [("14_or_over", _("14 or over")), ("under_14", _("Under 14"))]

    age_group = forms.ChoiceField(choices=AGE_GROUPS)
    guardian_name = forms.CharField(max_length=80, required=False)
    guardian_contact = forms.CharField(max_length=120, required=False)
    guardian_consent = forms.BooleanField(required=False)

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("age_group") == "under_14":
            for name in ("guardian_name", "guardian_contact"):
                if not (cleaned.get(name) or "").strip():
                    self.add_error(
                        name,
                        forms.ValidationError(
                            _("A member under 14 needs a guardian's consent."),
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
        return cleaned

    def signup(self, request, user) -> None:
        user.is_minor = self.cleaned_data.get("age_group") == "under_14"
        user.save(update_fields=["is_minor"])
