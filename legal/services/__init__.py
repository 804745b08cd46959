"""Operations on policies and consents (the legal ↔ members contract).

A package since it passed ~400 lines; everything is re-exported here, so callers
keep importing ``legal.services``:

* ``versions``: ``policy_version_freeze`` (called on every publish of a policy page);
* ``consents``: ``consent_accept``, ``consent_withdraw``, ``consent_visitor_receipt``,
  ``consents_required``, ``purpose_consent_set``, ``purpose_consent_update``,
  ``purpose_consents``, ``signup_policies_check``, ``signup_consents_record``,
  ``consent_records_pseudonymise``.

Reads reused by the API and other apps (``purpose_granted``, ``consents_pending``)
are in ``legal.selectors``.
"""

from ..selectors import policy_current_versions
from .consents import (
    OPTIONAL_PURPOSES,
    PURPOSES,
    consent_accept,
    consent_records_pseudonymise,
    consent_visitor_receipt,
    consent_withdraw,
    consents_required,
    ensure_current,
    purpose_consent_set,
    purpose_consent_update,
    purpose_consents,
    signup_consents_record,
    signup_policies_check,
    subject_pseudonym,
    truncate_ip,
)
from .versions import policy_version_freeze

__all__ = [
    "OPTIONAL_PURPOSES",
    "PURPOSES",
    "consent_accept",
    "consent_records_pseudonymise",
    "consent_visitor_receipt",
    "consent_withdraw",
    "consents_required",
    "ensure_current",
    "policy_current_versions",
    "policy_version_freeze",
    "purpose_consent_set",
    "purpose_consent_update",
    "purpose_consents",
    "signup_consents_record",
    "signup_policies_check",
    "subject_pseudonym",
    "truncate_ip",
]
