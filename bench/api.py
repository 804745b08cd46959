"""How fast is the content API? `.venv/bin/python bench/api.py --n 100 1000 10000`.

Not a test. In a throwaway database (a temporary SQLite file, or
``--database-url postgres://…/name``, dropped and re-created) it seeds N products
per language (zh-hans and en) the fast way (treebeard paths computed here, pages
inserted in batches — Wagtail's ``add_child`` takes a round of queries per page),
a few guides and a signed-in member, serves the app with gunicorn (one worker each
for the cache off and on, ``bench.settings``: the deployed middleware, DEBUG off)
and drives every case with ``wrk`` (``-t1 -c4`` by default: a C load generator
that is not the bottleneck; installed with apt-get when missing).

Each case runs ``--rounds`` times (3) for ``--duration`` seconds, interleaved (all
cases, then all again), so each sees the same share of whatever else the machine
does; the table shows medians of req/s and of wrk's p50/p99 latency, the server's
CPU per request (the gunicorn worker's user+system time from /proc, which other
processes' load does not inflate), queries per request (counted apart, in this
process, with Django's test client) and each ratio the targets of issue 17 name,
next to its target. Baselines in the same run on the same data: Wagtail API v2
(``/bench/v2/``: list and page detail, same pages and comparable fields) and the
ceiling — the very bytes of our list/detail returned by a bare view through the
same middleware (``/bench/bytes/<name>/``).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
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
MEMBER_EMAIL = "bench-member@example.com"
MEMBER_PASSWORD = "bench-member-password-42"  # noqa: S105 - throwaway account
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


def _product(
    index, content_type, locale, step, i, key, now, brands, categories, images, english
):
    from products.models import ProductPage
    from products.packaging import package_size_stream, parse_package_size

    sku = f"BN-{i:05d}"
    name = ENGLISH[i % len(NAMES)] if english else NAMES[i % len(NAMES)]
    grade = GRADES[i % len(GRADES)]
    summary = (
        f"{name} for industry."
        if english
        else f"{name}（{ENGLISH[i % len(NAMES)]}），适用于工业。"
    )
    return ProductPage(
        title=f"{name} {grade} {sku}",
        draft_title=f"{name} {grade} {sku}",
        slug=sku.lower(),
        content_type=content_type,
        locale=locale,
        translation_key=key,
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
        summary=summary,
        applications="injection moulding\nhydraulic power units"
        if english
        else "注塑机\n液压站",
        features="<p>Excellent anti-wear and oxidation stability.</p>"
        if english
        else "<p>优异的抗磨性能与氧化安定性。</p>",
        # Synchronised: the same sizes (and ids) in both languages.
        package_sizes=package_size_stream(
            [parse_package_size("18L 提桶"), parse_package_size("200L 桶")], sku
        ),
        main_image=images[i % len(images)],
    )


def seed_products(target: int, *, index: bool = True) -> tuple[int, float, float]:
    """Bring the catalogue to ``target`` products per language (zh-hans and their
    English translations, same translation key); (added per language, seconds,
    index seconds)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from products.models import (
        ProductCategoryLink,
        ProductIndexPage,
        ProductPage,
        ProductSpecification,
    )
    from products.search.services import search_index_refresh

    homes, brands, categories, images = _fixtures()
    indexes = {
        language: ProductIndexPage.objects.child_of(homes[language]).get()
        for language in ("zh-hans", "en")
    }
    existing = ProductPage.objects.filter(locale=indexes["zh-hans"].locale).count()
    if existing >= target:
        return 0, 0.0, 0.0
    content_type = ContentType.objects.get_for_model(ProductPage)
    now = timezone.now()
    started = time.perf_counter()
    new_ids: list[int] = []
    page_fields = [f.attname for f in Page._meta.concrete_fields if f.attname != "id"]
    with transaction.atomic():
        steps = {language: index.numchild for language, index in indexes.items()}
        for chunk_start in range(existing, target, 1000):
            products = []
            for i in range(chunk_start, min(target, chunk_start + 1000)):
                key = uuid.uuid4()
                for language, index in indexes.items():
                    steps[language] += 1
                    products.append(
                        _product(
                            index,
                            content_type,
                            index.locale,
                            steps[language],
                            i,
                            key,
                            now,
                            brands,
                            categories,
                            images,
                            language == "en",
                        )
                    )
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
                    page_id=p.pk,
                    category=categories[(n // 2) % len(categories)],
                    sort_order=0,
                )
                for n, p in enumerate(products, start=2 * chunk_start)
            )
            ProductSpecification.objects.bulk_create(
                ProductSpecification(page_id=p.pk, code=code, sort_order=k)
                for p in products
                for k, code in enumerate(["DIN 51524-2", "API CK-4"])
            )
            new_ids += [p.pk for p in products]
        for language, index in indexes.items():
            Page.objects.filter(pk=index.pk).update(numchild=steps[language])
    seeded = time.perf_counter() - started
    started = time.perf_counter()
    if index:
        search_index_refresh(page_ids=new_ids)  # our index: the API's `q`
    return len(new_ids) // 2, seeded, time.perf_counter() - started


def seed_guides(count: int = 5) -> None:
    """A few guides (zh-hans) with a realistic body: text with a page link, an
    image, a product card and a callout; three related products each."""
    from products.models import GuideIndexPage, GuidePage, ProductPage
    from tests.factories.catalogue import GuidePageFactory

    homes, _brands, _categories, images = _fixtures()
    if GuidePage.objects.exists():
        return
    index = GuideIndexPage.objects.child_of(homes["zh-hans"]).get()
    products = list(
        ProductPage.objects.filter(locale=index.locale).order_by("path")[:12]
    )
    for number in range(count):
        linked = products[number : number + 3]
        body = [
            {
                "type": "rich_text",
                "id": str(uuid.uuid4()),
                "value": "<h2>如何选择液压油</h2><p>粘度等级取决于工作温度，"
                f'参见<a linktype="page" id="{linked[0].pk}">这款产品</a>。</p>' * 3,
            },
            {
                "type": "image",
                "id": str(uuid.uuid4()),
                "value": {"image": images[number % len(images)].pk, "caption": "图"},
            },
            {
                "type": "product_reference",
                "id": str(uuid.uuid4()),
                "value": {"product": linked[1].pk, "note": "适合高压系统"},
            },
            {
                "type": "callout",
                "id": str(uuid.uuid4()),
                "value": {"style": "tip", "title": "提示", "text": "<p>定期换油。</p>"},
            },
        ]
        GuidePageFactory(
            parent=index,
            title=f"液压油选油指南 {number}",
            slug=f"bench-guide-{number}",
            cover_image=images[number % len(images)],
            body=json.dumps(body),
            products=linked,
        )


def seed_member() -> None:
    """A verified member who accepted every published policy, with a few
    favorites (their list then carries ``is_favorite``)."""
    from allauth.account.models import EmailAddress

    from legal.services import consent_accept, consents_required
    from members.activity.services import favorite_add
    from members.models import User
    from products.models import ProductPage

    if User.objects.filter(email=MEMBER_EMAIL).exists():
        return
    user = User.objects.create_user(email=MEMBER_EMAIL, password=MEMBER_PASSWORD)
    EmailAddress.objects.create(
        user=user, email=MEMBER_EMAIL, verified=True, primary=True
    )
    for version in consents_required(user=user):
        consent_accept(user=user, version=version, locale="zh-hans", channel="app")
    pages = ProductPage.objects.filter(locale__language_code="zh-hans").order_by("path")
    for page in pages[:10:2]:
        favorite_add(user=user, page_id=page.pk)


# --- Serving ------------------------------------------------------------------------


@dataclass
class Server:
    base: str
    worker: int  # the gunicorn worker's pid, whose CPU time we read

    def cpu_seconds(self) -> float:
        stat = Path(f"/proc/{self.worker}/stat").read_text()
        fields = stat.rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def gunicorn(port: int, *, cache: bool, bytes_dir: Path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "API_CACHE_ENABLED": "1" if cache else "0",
        "BENCH_BYTES_DIR": str(bytes_dir),
        # The bench measures capacity, not the rate limits (tests/abuse proves
        # those): the throttles still run, with rates wrk cannot reach.
        "THROTTLE_RATE_ANON": "100000000/min",
        "THROTTLE_RATE_USER": "100000000/min",
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
        for _ in range(600):
            try:
                httpx.get(f"{base}/api/v1/", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        worker = int(children.read_text().split()[0])
        yield Server(base, worker)
    finally:
        process.terminate()
        process.wait(timeout=30)


# --- wrk ------------------------------------------------------------------------------


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    print("wrk is not installed; installing it with apt-get …", flush=True)
    command = ["apt-get", "install", "-y", "wrk"]
    if os.geteuid() != 0:
        command = ["sudo", "-n", *command]
    if subprocess.run(command, check=False).returncode == 0 and shutil.which("wrk"):
        return shutil.which("wrk") or "wrk"
    sys.exit(
        "bench/api.py needs wrk (https://github.com/wg/wrk): "
        "`sudo apt-get install -y wrk` (Debian/Ubuntu) or `brew install wrk`."
    )


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


@dataclass
class Run:
    rps: float
    p50: float
    p99: float
    requests: int
    bad: int  # non-2xx/3xx responses + socket errors
    cpu_ms: float  # server CPU per request


def wrk(binary: str, args, server: Server, case: Case, duration: float) -> Run:
    command = [
        binary,
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{duration}s",
        "--timeout",
        "30s",
        "--latency",
    ]
    for name, value in case.headers.items():
        command += ["-H", f"{name}: {value}"]
    cpu = server.cpu_seconds()
    output = subprocess.run(
        [*command, server.base + case.path],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    cpu = server.cpu_seconds() - cpu
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    bad = sum(
        int(n)
        for n in re.findall(
            r"Non-2xx or 3xx responses: (\d+)|(?:connect|read|write|timeout) (\d+)",
            output,
        )
        for n in n
        if n
    )
    percentiles = dict(re.findall(r"^ +(50|99)% +(\S+) *$", output, re.MULTILINE))
    if requests and len(percentiles) != 2:
        raise RuntimeError(f"cannot read wrk's output:\n{output}")
    return Run(
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50=_ms(percentiles["50"]) if requests else float("nan"),
        p99=_ms(percentiles["99"]) if requests else float("nan"),
        requests=requests,
        bad=bad,
        cpu_ms=cpu * 1000 / requests if requests else float("nan"),
    )


# --- Cases ----------------------------------------------------------------------------


@dataclass
class Case:
    name: str
    server: str  # "plain" (cache off) or "cached"
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    runs: list[Run] = field(default_factory=list)
    queries: int | None = None
    size: int = 0

    def median(self, attribute: str) -> float:
        return statistics.median(getattr(run, attribute) for run in self.runs)


@dataclass
class Target:
    case: str
    reference: str
    kind: str  # "faster": case/reference >= bound; "within": reference/case <= bound
    bound: float
    label: str


TARGETS = [
    Target(
        "product list, uncached", "Wagtail v2: list", "faster", 5.0, "≥ 5× Wagtail v2"
    ),
    Target(
        "product detail, uncached",
        "Wagtail v2: product detail",
        "faster",
        3.0,
        "≥ 3× Wagtail v2",
    ),
    Target(
        "guide detail, uncached",
        "Wagtail v2: guide detail",
        "faster",
        3.0,
        "≥ 3× Wagtail v2",
    ),
    Target(
        "product list, cached",
        "ceiling: list bytes",
        "within",
        1.2,
        "bytes ≤ 1.2× faster",
    ),
    Target(
        "product detail, cached",
        "ceiling: detail bytes",
        "within",
        1.2,
        "bytes ≤ 1.2× faster",
    ),
    Target(
        "member: product list",
        "product list, uncached",
        "within",
        1.5,
        "visitor ≤ 1.5× faster",
    ),
    Target("filtered list, uncached", "Wagtail v2: filtered list", "faster", 0, ""),
]
# Queries per request: the details no more than the list's.
QUERY_TARGETS = ["product detail, uncached", "guide detail, uncached"]


def build_cases(product, guide, find_path: str, token: str) -> list[Case]:
    size = f"page_size={LIST_SIZE}"
    products = f"/api/v1/products/?{size}"
    detail = f"/api/v1/products/{product.slug}/"
    member = {"X-Session-Token": token}
    fields = "sku,viscosity_grade,base_oil,summary,thumbnail"
    v2 = (
        "/bench/v2/pages/?type=products.ProductPage&locale=zh-hans"
        f"&limit={LIST_SIZE}&fields={fields}"
    )
    return [
        Case("product list, uncached", "plain", products),
        Case("product list, cached", "cached", products),
        Case("ceiling: list bytes", "cached", "/bench/bytes/list/"),
        Case("product detail, uncached", "plain", detail),
        Case("product detail, cached", "cached", detail),
        Case("ceiling: detail bytes", "cached", "/bench/bytes/detail/"),
        Case("guide detail, uncached", "plain", f"/api/v1/guides/{guide.slug}/"),
        Case(
            "filtered list, uncached",
            "plain",
            f"{products}&brand=lubpur&base_oil=mineral",
        ),
        Case("search (q=), uncached", "plain", f"{products}&q=hydraulic"),
        Case(
            "find (pages/find), uncached",
            "plain",
            f"/api/v1/pages/find/?path={find_path}",
        ),
        Case("site, uncached", "plain", "/api/v1/site/"),
        Case("member: product list", "plain", products, member),
        Case("member: favorites", "plain", "/api/v1/me/favorites/", member),
        Case("Wagtail v2: list", "plain", v2),
        Case("Wagtail v2: filtered list", "plain", f"{v2}&base_oil=mineral"),
        Case("Wagtail v2: product detail", "plain", f"/bench/v2/pages/{product.pk}/"),
        Case("Wagtail v2: guide detail", "plain", f"/bench/v2/pages/{guide.pk}/"),
    ]


def count_queries(cases: list[Case]) -> None:
    """Queries per request, with Django's test client in this process (the
    servers run without any counting middleware). Cached cases: the second of
    two requests with the cache on (a hit)."""
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client(HTTP_HOST="127.0.0.1")
    for case in cases:
        headers = dict(case.headers)
        on = {**settings.API_CACHE, "ENABLED": case.server == "cached"}
        with override_settings(API_CACHE=on):
            cache.clear()
            client.get(case.path, headers=headers)
            with CaptureQueriesContext(connection) as captured:
                response = client.get(case.path, headers=headers)
        assert response.status_code == 200, (case.path, response.status_code)
        case.queries = len(captured.captured_queries)
    cache.clear()


def sign_in(base: str) -> str:
    response = httpx.post(
        f"{base}/api/v1/auth/app/v1/auth/login",
        json={"email": MEMBER_EMAIL, "password": MEMBER_PASSWORD},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    return response.json()["meta"]["session_token"]


def frontend_path(page) -> str:
    """``/products/<slug>/`` for a zh-hans page (the unprefixed language)."""
    parts = page.url_path.strip("/").split("/")
    return "/" + "/".join(parts[1:]) + "/"


# --- Report ---------------------------------------------------------------------------


def ratio_of(cases: dict[str, Case], target: Target) -> float:
    mine, other = (
        cases[target.case].median("rps"),
        cases[target.reference].median("rps"),
    )
    if target.kind == "faster":
        return mine / other if other else float("inf")
    return other / mine if mine else float("inf")


def report(cases: list[Case], n: int, label: str) -> None:
    by_name = {case.name: case for case in cases}
    ceiling = by_name["ceiling: list bytes"].median("rps")
    targets = {t.case: t for t in TARGETS}
    list_case = by_name.get("product list, uncached")
    list_queries = list_case.queries or 0 if list_case else 0
    print(
        f"\n### N = {n:,} products per language ({label}), medians of "
        f"{len(cases[0].runs)} interleaved wrk runs\n"
    )
    print(
        "| case | req/s | p50 ms | p99 ms | server CPU ms/req | queries | KB "
        "| % of ceiling | ratio | target | met? |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |")
    for case in cases:
        rps = case.median("rps")
        ratio = target = met = ""
        t = targets.get(case.name)
        if (
            t is not None
            and t.reference in by_name
            and by_name[t.reference].median("rps")
            and case.median("rps")
        ):
            value = ratio_of(by_name, t)
            if t.kind == "faster":
                ratio = f"{value:.2f}× {t.reference}"
            else:
                ratio = f"{t.reference} {value:.2f}× faster"
            if t.label:
                target = t.label
                ok = value >= t.bound if t.kind == "faster" else value <= t.bound
                met = "yes" if ok else "**no**"
        if case.name in QUERY_TARGETS and list_case:
            target += f"; queries ≤ list's ({list_queries})"
            q_ok = case.queries is not None and case.queries <= list_queries
            met += "" if q_ok else " (queries **no**)"
        bad = sum(run.bad for run in case.runs)
        flag = f" ⚠ {bad} errors" if bad else ""
        print(
            f"| {case.name}{flag} | {rps:,.0f} | {case.median('p50'):.1f} "
            f"| {case.median('p99'):.1f} | {case.median('cpu_ms'):.2f} "
            f"| {case.queries} | {case.size / 1024:.1f} | {100 * rps / ceiling:.0f} % "
            f"| {ratio} | {target} | {met} |"
        )


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def run(args) -> None:
    binary = ensure_wrk()
    workdir = Path(tempfile.mkdtemp(prefix="lubpur-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ["API_CACHE_ENABLED"] = "0"  # this process: counts queries
    if args.redis_url:
        os.environ["REDIS_URL"] = args.redis_url
    else:
        os.environ.pop("REDIS_URL", None)
    url = prepare_database(args.database_url, workdir, args.sqlite_template)
    setup_django()
    from django.core.cache import cache
    from django.db import connection

    from products.models import GuidePage, ProductPage

    label = (
        f"{db_label(url)}, {'Redis' if args.redis_url else 'local-memory'} cache, "
        f"gunicorn 1 worker, wrk -t{args.threads} -c{args.connections} "
        f"-d{args.duration}s × {args.rounds}"
    )
    print(f"# bench/api.py: {label}")
    for n in sorted(args.n):
        added, seeded, indexed = seed_products(n)
        seed_guides()
        seed_member()
        print(
            f"\nN = {n:,}: seeded {added:,} products per language in {seeded:.1f} s, "
            f"search index {indexed:.1f} s",
            flush=True,
        )
        zh = ProductPage.objects.filter(locale__language_code="zh-hans")
        product = zh.order_by("path")[n // 2]
        guide = GuidePage.objects.order_by("path").first()
        connection.close()
        cache.clear()
        bytes_dir = workdir / "bytes"
        bytes_dir.mkdir(exist_ok=True)
        with (
            gunicorn(args.port, cache=False, bytes_dir=bytes_dir) as plain,
            gunicorn(args.port + 1, cache=True, bytes_dir=bytes_dir) as cached,
        ):
            servers = {"plain": plain, "cached": cached}
            token = sign_in(plain.base)
            cases = build_cases(product, guide, frontend_path(product), token)
            every = {case.name: case for case in cases}
            for name in ("list", "detail"):  # the ceiling: our very bytes
                source = every[f"product {name}, uncached"].path
                body = httpx.get(plain.base + source, timeout=120).content
                (bytes_dir / f"{name}.json").write_bytes(body)
            if args.only:
                cases = [
                    case
                    for case in cases
                    if case.name == "ceiling: list bytes"
                    or any(word in case.name for word in args.only)
                ]
            for case in cases:  # correct and warm: renditions, imports, cache
                for _ in range(3):
                    response = httpx.get(
                        servers[case.server].base + case.path,
                        headers=case.headers,
                        timeout=120,
                    )
                    assert response.status_code == 200, (case.path, response.text[:300])
                case.size = len(response.content)
                if case.server == "cached" and "bytes" not in case.path:
                    assert response.headers.get("X-Cache") == "hit", case.path
            count_queries([c for c in cases if not c.name.startswith("ceiling")])
            for case in cases:
                if case.name.startswith("ceiling"):
                    case.queries = 0
            started_load = load_average()
            for _ in range(args.rounds):
                for case in cases:
                    case.runs.append(
                        wrk(binary, args, servers[case.server], case, args.duration)
                    )
        print(
            f"load average (1, 5, 15 min) before: {started_load}, "
            f"after: {load_average()}"
        )
        report(cases, n, label)
    print(
        '\nratio: for "≥ k× Wagtail v2", our req/s ÷ the reference\'s; for "… faster", '
        "the reference's req/s ÷ ours (1.00 = as fast). % of ceiling: req/s ÷ the list "
        "bytes' req/s. queries: per request, counted with Django's test client."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--database-url", default=None, help="postgres://…/name")
    parser.add_argument(
        "--sqlite-template", default=None, help="reuse a migrated empty SQLite file"
    )
    parser.add_argument("--redis-url", default=None, help="cache in Redis")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="wrk -t")
    parser.add_argument("--connections", type=int, default=4, help="wrk -c")
    parser.add_argument(
        "--only", nargs="+", default=None, help="cases whose name contains a word"
    )
    parser.add_argument("--port", type=int, default=8130)
    run(parser.parse_args())


if __name__ == "__main__":
    main()
