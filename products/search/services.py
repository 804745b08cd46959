"""Keeping the search index in step with what is published.

* ``search_index_refresh(page_ids=…)`` re-reads those pages: a live, public product
  or guide gets its document rewritten, anything else loses it.
* ``search_index_schedule(page_ids=…)`` does that once the current transaction
  commits (all pages of a transaction in one batch, so an import of a thousand
  products refreshes them together); outside a transaction, at once.
* ``search_index_rebuild()`` rewrites the whole index (``manage.py search_reindex``).

With ``LUBPUR_SEARCH_BACKEND = "wagtail"`` these still run (the database index is
cheap and the admin keeps using it); Wagtail's own backend follows publishing by
itself and is rebuilt with ``manage.py update_index``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

from django.db import transaction

from ..models import GuidePage, ProductPage
from . import fulltext
from .documents import DocumentSource, build, guide_pages, product_pages
from .models import SearchDocument, SearchTerm

CHUNK = 500


def _chunks(ids: Iterable[int], size: int = CHUNK) -> Iterator[list[int]]:
    ids = sorted(ids)
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _delete(rows) -> None:
    """One DELETE statement. Nothing references index rows (terms go first) and
    no receiver cares about them, but ``delete()`` would fetch every row to send
    ``post_delete`` (receivers without a sender exist): a fifth of a rebuild."""
    rows._raw_delete(rows.db)


def _write(ids: list[int], source: DocumentSource) -> int:
    documents, terms = [], []
    for page in product_pages(ids):
        document, page_terms = build(page, source.product_fields(page))
        documents.append(document)
        terms += page_terms
    for page in guide_pages(ids):
        document, page_terms = build(page, source.guide_fields(page))
        documents.append(document)
        terms += page_terms
    _delete(SearchTerm.objects.filter(document_id__in=ids))
    _delete(SearchDocument.objects.filter(page_id__in=ids))
    SearchDocument.objects.bulk_create(documents, batch_size=CHUNK)
    SearchTerm.objects.bulk_create(terms, batch_size=2000)
    fulltext.write_vectors([document.page_id for document in documents])
    return len(documents)


@transaction.atomic
def search_index_refresh(*, page_ids: Iterable[int]) -> int:
    """Rewrite (or remove) the documents of ``page_ids``; returns how many exist."""
    ids = set(page_ids)
    if not ids:
        return 0
    source = DocumentSource()
    return sum(_write(chunk, source) for chunk in _chunks(ids))


@transaction.atomic
def search_index_rebuild() -> int:
    """Index every live, public product and guide from scratch (this covers any
    refresh the transaction had scheduled so far)."""
    _drop_pending()
    _delete(SearchTerm.objects.all())
    _delete(SearchDocument.objects.all())
    ids = [
        *ProductPage.objects.live().values_list("pk", flat=True),
        *GuidePage.objects.live().values_list("pk", flat=True),
    ]
    source = DocumentSource()
    return sum(_write(chunk, source) for chunk in _chunks(ids))


# --- After commit ------------------------------------------------------------------

_local = threading.local()


class _Batch:
    """The pages one transaction touched; refreshed together when it commits."""

    def __init__(self) -> None:
        self.ids: set[int] = set()

    def __call__(self) -> None:
        if getattr(_local, "batch", None) is self:
            _local.batch = None
        search_index_refresh(page_ids=self.ids)


def _drop_pending() -> None:
    batch = getattr(_local, "batch", None)
    if batch is not None:
        batch.ids.clear()
        _local.batch = None


def _registered(connection, batch: _Batch) -> bool:
    # Still waiting for this transaction's commit (not dropped by a rollback)?
    return any(entry[1] is batch for entry in connection.run_on_commit)


def search_index_schedule(*, page_ids: Iterable[int]) -> None:
    ids = {int(pk) for pk in page_ids}
    if not ids:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        search_index_refresh(page_ids=ids)
        return
    batch = getattr(_local, "batch", None)
    if batch is None or not _registered(connection, batch):
        batch = _local.batch = _Batch()
        transaction.on_commit(batch, robust=True)
    batch.ids |= ids
