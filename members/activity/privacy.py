"""The member's trail in the personal data registry (``core.privacy``): favorites,
footprints and download records are exported and deleted. Imported by
``MembersConfig.ready``."""

from core import privacy

from .models import DownloadRecord, Favorite, Footprint

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
