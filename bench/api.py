"""How fast is the content API? `.venv/bin/python bench/api.py --n 100 1000 10000`.

Not a test. In a throwaway database (a temporary SQLite file, or
``--database-url postgres://…/name``, dropped and re-created) it seeds N products
the fast way (treebeard paths computed here, pages inserted in batches — Wagtail's
``add_child`` takes one round of queries per page), serves the app with gunicorn
(one worker, ``bench.settings``) and drives it with httpx at a small concurrency.

For the product list, a filtered list, a search and a detail it prints median and
p95 latency, requests per second and queries per request, uncached (the response
cache off) and cached (on, warmed), next to two baselines measured in the same
run on the same data: Wagtail's own API v2 listing the same pages with
comparable fields, and a view returning the list's bytes pre-rendered (the
limit). Ratios: our uncached list ÷ Wagtail API v2 (throughput), pre-rendered
bytes ÷ our cached list (throughput).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PY = sys.executable
LIST_SIZE = 20


# --- Database and seeding ---------------------------------------------------------


def prepare_database(url: str | None, workdir: Path, template: str | None) -> str:
    """A fresh, migrated database; returns its URL. ``template``: a migrated,
    empty SQLite file to copy instead of migrating (made on first use)."""
    if not url:
        target = workdir / "bench.sqlite3"
        url = f"sqlite:///{target}"
        if template and Path(template).exists():
            shutil.copy(template, target)
            os.environ["DATABASE_URL"] = url
            return url
    else:
        parsed = urlparse(url)
        name = parsed.path.lstrip("/") or "lubpur_bench"
        admin = parsed._replace(path="/postgres").geturl()
        import psycopg

        with psycopg.connect(
            admin.replace("postgres://", "postgresql://"), autocommit=True
        ) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        url = parsed._replace(path=f"/{name}").geturl()
    os.environ["DATABASE_URL"] = url
    started = time.perf_counter()
    subprocess.run(
        [PY, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=ROOT,
        check=True,
        env=os.environ,
    )
    print(f"migrated in {time.perf_counter() - started:.1f} s ({db_label(url)})")
    if template and url.startswith("sqlite"):
        shutil.copy(workdir / "bench.sqlite3", template)
    return url


def db_label(url: str) -> str:
    return "PostgreSQL" if url.startswith("postgres") else "SQLite"


def setup_django() -> None:
    import django

    django.setup()


def _png(seed: int) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (seed * 40 % 255, 90, 140)).save(buffer, "PNG")
    return buffer.getvalue()


def _fixtures():
    """Brands, categories and a few images (created once)."""
    from django.core.files.images import ImageFile
    from wagtail.images import get_image_model

    from cms.services import site_tree_ensure
    from products.models import Brand, ProductCategory

    homes = site_tree_ensure()
    zh = homes["zh-hans"].locale
    brands = []
    for slug, name in [("lubpur", "超润"), ("shell", "壳牌"), ("mobil", "美孚")]:
        brands.append(
            Brand.objects.get_or_create(slug=slug, locale=zh, defaults={"name": name})[
                0
            ]
        )
    categories = []
    for slug, name in [
        ("hydraulic", "液压油"),
        ("engine-oil", "发动机油"),
        ("gear", "齿轮油"),
        ("grease", "润滑脂"),
    ]:
        categories.append(
            ProductCategory.objects.get_or_create(
                slug=slug, locale=zh, defaults={"name": name}
            )[0]
        )
    Image = get_image_model()
    images = list(Image.objects.order_by("pk")[:8])
    for number in range(len(images), 8):
        images.append(
            Image.objects.create(
                title=f"bench {number}",
                file=ImageFile(io.BytesIO(_png(number)), name=f"bench-{number}.png"),
            )
        )
    return homes, brands, categories, images


GRADES = ["ISO VG 46", "ISO VG 68", "SAE 5W-30", "SAE 15W-40", "ISO VG 220"]
OILS = ["mineral", "semi_synthetic", "synthetic"]
NAMES = ["抗磨液压油", "柴油机油", "工业齿轮油", "汽油机油", "锂基润滑脂"]
ENGLISH = ["hydraulic oil", "diesel engine oil", "gear oil", "engine oil", "grease"]


def seed_products(target: int) -> tuple[int, float, float]:
    """Bring the catalogue to ``target`` products; (added, seconds, index seconds)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from products.models import (
        ProductCategoryLink,
        ProductIndexPage,
        ProductPage,
        ProductSpecification,
    )
    from products.search.services import search_index_refresh

    homes, brands, categories, images = _fixtures()
    existing = ProductPage.objects.count()
    if existing >= target:
        return 0, 0.0, 0.0
    index = ProductIndexPage.objects.child_of(homes["zh-hans"]).get()
    content_type = ContentType.objects.get_for_model(ProductPage)
    zh = index.locale
    now = timezone.now()
    started = time.perf_counter()
    new_ids: list[int] = []
    with transaction.atomic():
        step = index.numchild
        for chunk_start in range(existing, target, 1000):
            products = []
            for i in range(chunk_start, min(target, chunk_start + 1000)):
                step += 1
                sku = f"BN-{i:05d}"
                name = NAMES[i % len(NAMES)]
                grade = GRADES[i % len(GRADES)]
                products.append(
                    ProductPage(
                        title=f"{name} {grade} {sku}",
                        draft_title=f"{name} {grade} {sku}",
                        slug=sku.lower(),
                        content_type=content_type,
                        locale=zh,
                        translation_key=uuid.uuid4(),
                        live=True,
                        has_unpublished_changes=False,
                        depth=index.depth + 1,
                        path=ProductPage._get_path(index.path, index.depth + 1, step),
                        numchild=0,
                        url_path=f"{index.url_path}{sku.lower()}/",
                        first_published_at=now,
                        last_published_at=now,
                        sku=sku,
                        brand=brands[i % len(brands)],
                        viscosity_grade=grade,
                        base_oil=OILS[i % len(OILS)],
                        summary=f"{name}（{ENGLISH[i % len(NAMES)]}），适用于工业。",
                        applications="注塑机\n液压站",
                        features="<p>优异的抗磨性能与氧化安定性。</p>",
                        package_sizes="18L 桶\n200L 桶",
                        main_image=images[i % len(images)],
                    )
                )
            page_fields = [
                f.attname for f in Page._meta.concrete_fields if f.attname != "id"
            ]
            bases = Page.objects.bulk_create(
                [
                    Page(**{name: getattr(p, name) for name in page_fields})
                    for p in products
                ]
            )
            for product, base in zip(products, bases, strict=True):
                product.page_ptr_id = product.pk = base.pk
            # Multi-table inheritance: bulk_create refuses the child model, so the
            # child rows go through the same batched INSERT it would use.
            ProductPage.objects.all()._batched_insert(
                products, ProductPage._meta.local_concrete_fields, batch_size=500
            )
            ProductCategoryLink.objects.bulk_create(
                ProductCategoryLink(
                    page_id=p.pk, category=categories[n % len(categories)], sort_order=0
                )
                for n, p in enumerate(products, start=chunk_start)
            )
            ProductSpecification.objects.bulk_create(
                ProductSpecification(page_id=p.pk, code=code, sort_order=k)
                for p in products
                for k, code in enumerate(["DIN 51524-2", "API CK-4"])
            )
            new_ids += [p.pk for p in products]
        Page.objects.filter(pk=index.pk).update(numchild=step)
    seeded = time.perf_counter() - started
    started = time.perf_counter()
    # Both indexes: our own (the API's `q`) and Wagtail's (API v2's `search=`).
    search_index_refresh(page_ids=new_ids)
    backend = get_search_backend()
    for start in range(0, len(new_ids), 500):
        batch = ProductPage.objects.filter(pk__in=new_ids[start : start + 500])
        backend.add_bulk(ProductPage, list(batch))
    return len(new_ids), seeded, time.perf_counter() - started


# --- Serving and driving ----------------------------------------------------------


@dataclass
class Server:
    base: str
    worker: int  # the gunicorn worker's pid, whose CPU time we read

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.worker}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def gunicorn(port: int, *, cache: bool, bytes_file: Path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "API_CACHE_ENABLED": "1" if cache else "0",
        "BENCH_BYTES_FILE": str(bytes_file),
    }
    process = subprocess.Popen(
        [
            str(Path(PY).parent / "gunicorn"),
            "config.wsgi",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{base}/bench/bytes/", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        worker = int(children.read_text().split()[0])
        yield Server(base, worker)
    finally:
        process.terminate()
        process.wait(timeout=20)


async def _drive(base: str, path: str, count: int, concurrency: int):
    latencies: list[float] = []
    queries: list[int] = []
    sizes: list[int] = []
    todo = iter(range(count))
    async with httpx.AsyncClient(base_url=base, timeout=300) as client:

        async def worker():
            for _ in todo:
                started = time.perf_counter()
                response = await client.get(path)
                latencies.append(time.perf_counter() - started)
                assert response.status_code == 200, (path, response.status_code)
                queries.append(int(response.headers.get("X-Bench-Queries", "0")))
                sizes.append(len(response.content))

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return latencies, queries, sizes, elapsed


@dataclass
class Figures:
    latencies: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    elapsed: float = 0.0
    cpu: float = 0.0

    def summary(self) -> dict:
        latencies = sorted(self.latencies)
        count = len(latencies)
        return {
            "median_ms": statistics.median(latencies) * 1000,
            "p95_ms": latencies[max(int(count * 0.95) - 1, 0)] * 1000,
            "rps": count / self.elapsed,
            "cpu_ms": self.cpu / count * 1000,
            "queries": statistics.median(self.queries),
            "kb": statistics.median(self.sizes) / 1024,
        }


def measure_all(cases: dict, *, count: int, concurrency: int, rounds: int = 10):
    """Drive every case in turns (``rounds`` batches each), so each sees the same
    share of whatever else the machine is doing; the server's CPU time per
    request is read from /proc, independent of the load."""
    for server, path in cases.values():  # warm up: renditions, imports, cache
        asyncio.run(_drive(server.base, path, 10, 1))
    figures = {name: Figures() for name in cases}
    per_round = max(count // rounds, concurrency)
    for _ in range(rounds):
        for name, (server, path) in cases.items():
            cpu = server.cpu_seconds()
            latencies, queries, sizes, elapsed = asyncio.run(
                _drive(server.base, path, per_round, concurrency)
            )
            result = figures[name]
            result.cpu += server.cpu_seconds() - cpu
            result.latencies += latencies
            result.queries += queries
            result.sizes += sizes
            result.elapsed += elapsed
    return {name: result.summary() for name, result in figures.items()}


def scenarios(detail_slug: str, detail_id: int) -> dict[str, str]:
    size = f"page_size={LIST_SIZE}"
    return {
        "list": f"/api/v1/products/?{size}",
        "filtered list": f"/api/v1/products/?{size}&brand=lubpur&base_oil=mineral",
        "search": f"/api/v1/products/?{size}&q=hydraulic",
        "detail": f"/api/v1/products/{detail_slug}/",
    }


def wagtail_scenarios(detail_id: int) -> dict[str, str]:
    fields = "sku,viscosity_grade,base_oil,summary,thumbnail"
    return {
        "list": "/bench/v2/pages/?type=products.ProductPage&locale=zh-hans"
        f"&limit={LIST_SIZE}&fields={fields}",
        "filtered list": "/bench/v2/pages/?type=products.ProductPage&locale=zh-hans"
        f"&limit={LIST_SIZE}&fields={fields}&base_oil=mineral",
        "search": "/bench/v2/pages/?type=products.ProductPage&locale=zh-hans"
        f"&limit={LIST_SIZE}&fields={fields}&search=hydraulic",
        "detail": f"/bench/v2/pages/{detail_id}/",
    }


def row(name: str, figures: dict) -> str:
    return (
        f"| {name} | {figures['median_ms']:.1f} | {figures['p95_ms']:.1f} | "
        f"{figures['rps']:.0f} | {figures['cpu_ms']:.1f} | {figures['queries']:.0f} "
        f"| {figures['kb']:.1f} |"
    )


def run(args) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="lubpur-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.pop("REDIS_URL", None) if not args.redis_url else os.environ.update(
        REDIS_URL=args.redis_url
    )
    url = prepare_database(args.database_url, workdir, args.sqlite_template)
    setup_django()
    from django.core.cache import cache
    from django.db import connection

    from products.models import ProductPage

    for n in sorted(args.n):
        added, seeded, indexed = seed_products(n)
        print(
            f"\n## N = {n:,} products ({db_label(url)}): seeded {added:,} in "
            f"{seeded:.1f} s ({added / max(seeded, 1e-9):,.0f} pages/s), "
            f"search index {indexed:.1f} s"
        )
        middle = ProductPage.objects.order_by("path")[n // 2]
        connection.close()
        cache.clear()
        bytes_file = workdir / "list.json"
        ours = scenarios(middle.slug, middle.pk)
        theirs = wagtail_scenarios(middle.pk)
        if args.skip_search:
            del ours["search"], theirs["search"]
        with (
            gunicorn(args.port, cache=False, bytes_file=bytes_file) as plain,
            gunicorn(args.port + 1, cache=True, bytes_file=bytes_file) as cached,
        ):
            bytes_file.write_bytes(httpx.get(plain.base + ours["list"]).content)
            big = ours["list"].replace(f"page_size={LIST_SIZE}", "page_size=100")
            cases = {
                **{f"ours uncached: {k}": (plain, v) for k, v in ours.items()},
                "ours uncached: list, 100 per page": (plain, big),
                **{f"Wagtail API v2: {k}": (plain, v) for k, v in theirs.items()},
                **{f"ours cached: {k}": (cached, v) for k, v in ours.items()},
                "pre-rendered bytes": (cached, "/bench/bytes/"),
            }
            results = measure_all(
                cases, count=args.requests, concurrency=args.concurrency
            )
        print(
            "\n| request | median ms | p95 ms | req/s | server CPU ms/req "
            "| queries | KB |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name, figures in results.items():
            print(row(name, figures))
        limit = results["pre-rendered bytes"]
        print()
        for name in ours:
            mine = results[f"ours uncached: {name}"]
            wagtail = results[f"Wagtail API v2: {name}"]
            hit = results[f"ours cached: {name}"]
            print(
                f"- {name}: uncached {mine['rps'] / wagtail['rps']:.1f}× Wagtail API "
                f"v2's req/s ({wagtail['cpu_ms'] / mine['cpu_ms']:.1f}× by server "
                f"CPU); pre-rendered bytes {limit['rps'] / hit['rps']:.2f}× our cached "
                f"req/s ({hit['cpu_ms'] / limit['cpu_ms']:.2f}× by CPU)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--database-url", default=None, help="postgres://…/name")
    parser.add_argument(
        "--sqlite-template", default=None, help="reuse a migrated empty SQLite file"
    )
    parser.add_argument("--redis-url", default=None, help="cache in Redis")
    parser.add_argument("--requests", type=int, default=300, help="per measurement")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument(
        "--skip-search", action="store_true", help="leave the `q=` case out"
    )
    parser.add_argument("--port", type=int, default=8130)
    run(parser.parse_args())


if __name__ == "__main__":
    main()
