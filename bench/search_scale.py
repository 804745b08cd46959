"""Search matching at catalogue scale: ~10 000 products per language.

    .venv/bin/python bench/search_scale.py [postgres://…/lubpur_search_eval]

Builds the evaluation database of ``search_eval.py`` (throwaway SQLite, or the
named PostgreSQL database, dropped and re-created), then copies the index rows of
its 63 products 158 times under made-up page ids (foreign-key checks switched off
for this session: there are no pages behind the copies), so the index holds
~10 000 products per language, and times the grouped term query a search runs
(count + first 20) for a few queries. It measures matching only — not the result
rows, which are 20 whatever the catalogue size — and is not a test.
"""

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import search_eval as ev

COPIES = 10_000 // 63
QUERIES = [
    ("液压油", "zh-hans"),
    ("机油", "zh-hans"),
    ("超润 液压油", "zh-hans"),
    ("5w30", "zh-hans"),
    ("黄油", "zh-hans"),
    ("diesel engine oil", "en"),
    ("oil", "en"),
    ("L-HM 46", "en"),
]


def copy_index() -> None:
    from django.db import connection

    from products.search.models import SearchDocument, SearchTerm

    documents = list(SearchDocument.objects.filter(kind="product"))
    terms: dict[int, list] = {}
    for term in SearchTerm.objects.filter(kind="product"):
        terms.setdefault(term.document_id, []).append(term)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA foreign_keys=OFF")
        else:
            cursor.execute("SET session_replication_role = replica")
    for copy in range(1, COPIES + 1):
        new_documents, new_terms = [], []
        for document in documents:
            page_id = 10_000_000 + copy * 1000 + document.page_id
            new_documents.append(
                SearchDocument(
                    page_id=page_id,
                    locale_id=document.locale_id,
                    kind=document.kind,
                    title=document.title,
                    sku=f"{document.sku}-{copy}",
                    brand=document.brand,
                    grade=document.grade,
                    suggest_text=document.suggest_text,
                    snippet_text=document.snippet_text,
                )
            )
            new_terms += [
                SearchTerm(
                    document_id=page_id,
                    term=term.term,
                    weight=term.weight,
                    locale_id=term.locale_id,
                    kind=term.kind,
                )
                for term in terms[document.page_id]
            ]
        SearchDocument.objects.bulk_create(new_documents, batch_size=500)
        SearchTerm.objects.bulk_create(new_terms, batch_size=2000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"{connection.vendor}: {SearchDocument.objects.count()} documents, "
        f"{SearchTerm.objects.count()} term rows"
    )


def time_queries() -> None:
    from wagtail.models import Locale

    from products.search.selectors import search_hits

    for text, code in QUERIES:
        locale = Locale.objects.get(language_code=code)
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            _parsed, hits = search_hits(text=text, locale=locale)
            matches = hits.count()
            hits[:20]
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"{text:20} {code:8} matches {matches:6}  "
            f"median {statistics.median(timings):6.1f} ms (count + first 20)"
        )


def main() -> None:
    ev.setup(sys.argv[1] if len(sys.argv) > 1 else None)
    ev.load(json.loads((ev.HERE / "search_queries.json").read_text()))
    copy_index()
    time_queries()


if __name__ == "__main__":
    main()
