"""Consent records in the personal data registry (``core.privacy``).

Export: every record of the member (what, which version, when, how). Erasure on
account cancellation: the records stay — they are the proof of consent — but
lose their link to the user and keep only the pseudonymous subject id.
"""

from core import privacy

from .models import ConsentRecord
from .services import consent_records_pseudonymise

privacy.register(
    ConsentRecord,
    exporter=privacy.rows(
        "receipt_id",
        "created_at",
        "action",
        "policy__slug",
        "version__label",
        "purpose",
        "locale",
        "channel",
        "data",
    ),
    eraser=lambda user: consent_records_pseudonymise(user=user),
)
