"""Versioned policies and consent records (a package; models re-exported here).

* ``PolicyPage`` — the editable policy (``pages.py``)
* ``PolicyVersion`` / ``PolicyVersionText`` — frozen, immutable publications
* ``ConsentRecord`` — the append-only consent ledger
"""

from .consents import ConsentQuerySet, ConsentRecord
from .immutable import ImmutableRecordError
from .pages import PolicyPage
from .versions import PolicyVersion, PolicyVersionText

__all__ = [
    "ConsentQuerySet",
    "ConsentRecord",
    "ImmutableRecordError",
    "PolicyPage",
    "PolicyVersion",
    "PolicyVersionText",
]
