"""Search at catalogue scale: N products per language, p50/p95 per query.

    .venv/bin/python bench/search_scale.py --n 10000 \
        --database-url postgres://postgres@127.0.0.1:5432/lubpur_search_scale
    # --runs 30  --reuse (keep a database seeded by an earlier run: no seeding)

Not a test. In a throwaway database (a temporary SQLite file, or the named
PostgreSQL database, dropped and re-created) it seeds ``--n`` products per
language (zh-hans and their English translations) the way ``bench/api.py`` does:
treebeard paths computed here and pages bulk-inserted in batches of 1 000 — the
shortcut: publishing page by page through Wagtail (``add_child`` + a revision +
``publish``) costs a round of queries per page, hours at 100 000, and is not what
is measured. The products are five names (抗磨液压油, 柴油机油, 工业齿轮油, 汽油机油,
锂基润滑脂 / hydraulic oil, diesel engine oil, …) × five grades × three base oils,
three brands, four categories and two specifications each.

Then it builds our search index the real way (``search_index_rebuild``: every page
analysed — jieba, pinyin, the lexicon — and written, plus on PostgreSQL the
full-text vectors), timing it, and runs each query ``--runs`` times the way the
API does: ``/api/v1/search/`` (``search_hits``: parse with synonyms and typo
look-up, count, first 20) and the product list's ``?q=`` (``product_search`` on
the list's queryset: count, first 20 ids). It prints the matches, p50 and p95
per query and the machine's load average before and after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import api

QUERIES = [
    ("液压油", "zh-hans"),
    ("机油", "zh-hans"),  # a synonym group (机油 = 发动机油 …)
    ("超润 液压油", "zh-hans"),
    ("5w30", "zh-hans"),
    ("黄油", "zh-hans"),  # 黄油 = 润滑脂 (lexicon)
    ("yeyayou", "zh-hans"),  # pinyin
    ("diesel engine oil", "en"),
    ("oil", "en"),
    ("L-HM 46", "en"),
    ("hydrualic oil", "en"),  # typo
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def time_queries(runs: int) -> list[tuple]:
    from wagtail.models import Locale

    from products import selectors
    from products.search.selectors import search_hits

    rows = []
    for text, code in QUERIES:
        locale = Locale.objects.get(language_code=code)
        base = selectors.product_list_base(locale=locale)
        search, listing = [], []
        matches = listed = 0
        for _ in range(runs):
            started = time.perf_counter()
            _parsed, hits = search_hits(text=text, locale=locale)
            matches = len(hits)
            list(hits[:20])
            search.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            found = selectors.product_search(queryset=base, q=text, locale=locale)
            listed = found.count()
            list(found.values_list("pk", flat=True)[:20])
            listing.append((time.perf_counter() - started) * 1000)
        rows.append((text, code, matches, search, listed, listing))
        print(
            f"{text:18} {code:8} search: {matches:7} matches "
            f"p50 {statistics.median(search):6.1f} "
            f"p95 {percentile(search, 0.95):6.1f} ms"
            f" | list ?q=: {listed:7} p50 {statistics.median(listing):6.1f} "
            f"p95 {percentile(listing, 0.95):6.1f} ms",
            flush=True,
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--reuse", action="store_true")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="lubpur-search-scale-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.pop("REDIS_URL", None)
    print(f"load average at start: {os.getloadavg()}", flush=True)
    if args.reuse and args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        api.prepare_database(args.database_url, workdir, None)
    api.setup_django()
    from django.db import connection

    from products.search.models import SearchDocument
    from products.search.services import search_index_rebuild

    if not args.reuse:
        started = time.perf_counter()
        added, seeded, _indexed = api.seed_products(args.n, index=False)
        print(
            f"seeded {added} products per language in {seeded:.1f} s "
            f"({time.perf_counter() - started:.1f} s with fixtures)",
            flush=True,
        )
        started = time.perf_counter()
        documents = search_index_rebuild()
        built = time.perf_counter() - started
        print(
            f"index built: {documents} documents in {built:.1f} s "
            f"({1000 * built / max(documents, 1):.2f} ms per page), "
            f"load average {os.getloadavg()}",
            flush=True,
        )
        if connection.vendor == "postgresql":
            # Writing the vectors after the rows leaves dead tuples that
            # autovacuum would clear later; clear them now for the timings.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE products_searchdocument")
                cursor.execute("ANALYZE")
    print(
        f"{connection.vendor}: {SearchDocument.objects.count()} documents; "
        f"{args.runs} runs per query",
        flush=True,
    )
    time_queries(args.runs)
    print(f"load average at the end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
