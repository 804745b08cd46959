"""Registry entries (export + erasure) for the member-activity tables: favorites,
footprints, downloads, procurement requests. Called by
``members.privacy_registrations.register_all``."""

from __future__ import annotations

from members import privacy
from members.models import DownloadRecord, Favorite, Footprint


def register_activity() -> None:
    privacy.register(
        Favorite,
        exporter=privacy.rows("page_id", "kind", "created_at"),
        eraser=privacy.delete_rows(),
    )
    privacy.register(
        Footprint,
        exporter=privacy.rows("page_id", "kind", "last_viewed_at", "view_count"),
        eraser=privacy.delete_rows(),
    )
    privacy.register(
        DownloadRecord,
        exporter=privacy.rows("document_id", "document_title", "downloaded_at"),
        eraser=privacy.delete_rows(),
    )
