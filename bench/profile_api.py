"""Where does a request's time go? `.venv/bin/python bench/profile_api.py`.

Not a test. Seeds ``--n`` products per language like ``bench/api.py`` (a temporary
SQLite file, or ``--database-url``), then runs each case ``--repeat`` times through
the whole WSGI stack (Django's test client: every middleware, the view, the
renderer) under cProfile and prints, per case, the share of time in SQL
(``execute`` on the database cursor), the middleware chain (outside the view),
serialisation and JSON encoding, then the top functions by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import api


def share(stats: pstats.Stats, total: float, needle: str, name: str) -> float:
    """Cumulative seconds of functions whose file contains ``needle`` and whose
    name is ``name`` (the outermost call counts: recursion is not double-counted
    by cProfile's cumulative time)."""
    return sum(
        row[3]
        for (file, _line, function), row in stats.stats.items()
        if needle in file and function == name
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--sqlite-template", default=None)
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="lubpur-profile-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ["API_CACHE_ENABLED"] = "0"
    os.environ.pop("REDIS_URL", None)
    api.prepare_database(args.database_url, workdir, args.sqlite_template)
    api.setup_django()
    api.seed_products(args.n)
    api.seed_guides()
    from django.conf import settings
    from django.core.cache import cache
    from django.test import Client
    from django.test.utils import override_settings

    from products.models import GuidePage, ProductPage

    product = ProductPage.objects.filter(locale__language_code="zh-hans").first()
    guide = GuidePage.objects.first()
    cases = {
        "product list, uncached": ("/api/v1/products/?page_size=20", False),
        "product list, cached": ("/api/v1/products/?page_size=20", True),
        "product detail, uncached": (f"/api/v1/products/{product.slug}/", False),
        "guide detail, uncached": (f"/api/v1/guides/{guide.slug}/", False),
    }
    client = Client(HTTP_HOST="127.0.0.1")
    for name, (path, cached) in cases.items():
        with override_settings(API_CACHE={**settings.API_CACHE, "ENABLED": cached}):
            cache.clear()
            for _ in range(5):  # warm: renditions, imports, the cache entry
                assert client.get(path).status_code == 200
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(args.repeat):
                client.get(path)
            profile.disable()
        stats = pstats.Stats(profile)
        total = stats.total_tt
        parts = {
            "SQL (cursor execute, incl. driver)": share(
                stats, total, "django/db/backends/utils.py", "_execute"
            ),
            "query building (SQL compiler as_sql)": share(
                stats, total, "django/db/models/sql/compiler.py", "as_sql"
            ),
            "view (APIView.dispatch, incl. SQL)": share(
                stats, total, "rest_framework/views.py", "dispatch"
            ),
            "DRF serializers (to_representation)": share(
                stats, total, "rest_framework/serializers.py", "data"
            ),
            "JSON encoding (renderer)": share(
                stats, total, "rest_framework/renderers.py", "render"
            ),
            "cache (core.cache)": share(stats, total, "core/cache.py", "entry_get")
            + share(stats, total, "core/cache.py", "tag_tokens"),
        }
        per = 1000 / args.repeat
        print(f"\n## {name} ({path}): {total * per:.2f} ms per request under cProfile")
        for label, seconds in parts.items():
            print(f"- {label}: {seconds * per:.2f} ms ({100 * seconds / total:.0f} %)")
        print()
        stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
