"""Search evaluation: recall in the top 20 on a bilingual catalogue.

    .venv/bin/python bench/search_eval.py                       # throwaway SQLite
    .venv/bin/python bench/search_eval.py \\
        --database-url postgres://postgres@127.0.0.1:5432/lubpur_search_eval

Creates its own throwaway database (SQLite in a temporary folder, or the named
PostgreSQL database, dropped and re-created), migrates it, imports
``search_catalogue.csv`` with the real importer (``import_products`` format),
adds the synonym groups of ``search_queries.json``, then runs every query of that
file through the public search (products only) and prints, per query, how many
of the products it must return are in the first 20 results, and overall.
Queries carry a ``kind`` (``base`` when absent; ``hao`` grades written with
号/#, ``lexicon`` built-in trade names, ``pinyin``, ``typo``) and the summary gives
the recall per kind. ``--compare-wagtail`` adds the figure for Wagtail's own
search backend on the same data and queries (the baseline this search
replaces); ``--no-editor-synonyms`` leaves the editors' groups out (only the
built-in lexicon).
Not a test: a figure to compare changes by.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
TOP = 20


def fresh_postgres(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def setup(url: str | None) -> str:
    if url:
        fresh_postgres(url)
    else:
        url = f"sqlite:///{tempfile.mkdtemp(prefix='lubpur-search-eval-')}/eval.sqlite3"
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    logging.disable(logging.INFO)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return url


def load(queries: dict, *, editor_synonyms: bool = True) -> int:
    from wagtail.models import Locale

    from cms.services import site_tree_ensure
    from products.importer import products_import
    from products.search.models import SearchSynonym
    from products.search.services import search_index_rebuild

    site_tree_ensure()
    products_import(
        data=(HERE / "search_catalogue.csv").read_bytes(), filename="catalogue.csv"
    )
    for code, groups in (queries["synonyms"] if editor_synonyms else {}).items():
        locale = Locale.objects.get(language_code=code)
        for group in groups:
            SearchSynonym.objects.create(locale=locale, terms="\n".join(group))
    return search_index_rebuild()


def evaluate(queries: dict, *, quiet: bool = False) -> float:
    from wagtail.models import Locale

    from products.search.models import SearchDocument
    from products.search.selectors import search_hits

    recalls, timings, kinds = [], [], []
    say = (lambda *a, **k: None) if quiet else print
    say(f"{'recall':>7}  {'found':>7}  {'ms':>6}  query")
    for case in queries["queries"]:
        locale = Locale.objects.get(language_code=case["locale"])
        started = time.perf_counter()
        _parsed, hits = search_hits(text=case["q"], locale=locale, kinds=["product"])
        ids = [hit.page_id for hit in hits[:TOP]]
        timings.append((time.perf_counter() - started) * 1000)
        skus = set(
            SearchDocument.objects.filter(page_id__in=ids).values_list("sku", flat=True)
        )
        expected = set(case["expect"])
        recall = len(expected & skus) / len(expected)
        recalls.append(recall)
        kinds.append(case.get("kind", "base"))
        missing = sorted(expected - skus)
        say(
            f"{recall:7.0%}  {len(expected & skus):>3}/{len(expected):<3}  "
            f"{timings[-1]:6.1f}  [{case['locale']}] {case['q']}"
            + (f"   missing: {', '.join(missing)}" if missing else "")
        )
    overall = statistics.mean(recalls)
    complete = sum(1 for r in recalls if r == 1)
    print(
        f"\nrecall@{TOP}: {overall:.1%} over {len(recalls)} queries; "
        f"{complete}/{len(recalls)} found all their products; "
        f"median {statistics.median(timings):.1f} ms per query"
    )
    for kind in dict.fromkeys(kinds):
        of_kind = [r for r, k in zip(recalls, kinds, strict=True) if k == kind]
        print(
            f"  {kind:8} recall@{TOP} {statistics.mean(of_kind):6.1%}, "
            f"{sum(1 for r in of_kind if r == 1)}/{len(of_kind)} complete"
        )
    return overall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        help="a PostgreSQL URL; the database is dropped and re-created",
    )
    parser.add_argument(
        "--compare-wagtail",
        action="store_true",
        help="also run the queries through Wagtail's configured search backend "
        "(LUBPUR_SEARCH_BACKEND=wagtail) and print its overall recall",
    )
    parser.add_argument(
        "--no-editor-synonyms",
        action="store_true",
        help="leave out the editors' synonym groups of search_queries.json",
    )
    args = parser.parse_args()
    url = setup(args.database_url)
    queries = json.loads((HERE / "search_queries.json").read_text())
    from django.db import connection

    started = time.perf_counter()
    indexed = load(queries, editor_synonyms=not args.no_editor_synonyms)
    print(
        f"database: {connection.vendor} ({urlsplit(url).scheme}); "
        f"{indexed} pages indexed in {time.perf_counter() - started:.1f} s "
        f"(import + index)\n"
    )
    evaluate(queries)
    if args.compare_wagtail:
        from django.conf import settings

        settings.LUBPUR_SEARCH_BACKEND = "wagtail"
        backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
        print(f"\nThe same queries through Wagtail's backend ({backend}):")
        evaluate(queries, quiet=True)


if __name__ == "__main__":
    main()
