"""Load test: gunicorn on PostgreSQL under concurrent clients, then a consistency audit.

    .venv/bin/python bench/load.py [--clients 50] [--duration 60] [--workers 3]
                                   [--members 100] [--port 8150] [--keep]

Not part of the test run. It creates a throwaway PostgreSQL database (``--db``,
default ``lubpur_load``; dropped and re-created), migrates it, runs ``seed_demo``,
adds ``--members`` verified members (who accepted every published policy) and one
TDS document, starts gunicorn with the production settings (``config.wsgi``) and
drives ``--clients`` concurrent clients for ``--duration`` seconds. Each client
browses product lists and details, searches (products ``q``), signs in through
allauth's app API (session token), favorites products, creates procurement
requests with an ``Idempotency-Key`` (a third of them sent again with the same key,
as a client retrying after a timeout would) and downloads the document.

Afterwards it checks nothing was lost or doubled: procurement requests in the
database = distinct successful creates, one row per idempotency key and every retry
answered with the first request's id, favorites unique per member and product.
It prints requests/s and p50/p95/p99 latency per kind, 429s (throttling, counted
apart) and failures (5xx and connection errors, which must be 0).

Throttles are raised for the run (``THROTTLE_RATE_*``): the point is the server's
capacity, not its rate limits (tests/abuse proves those). Each client has its own
address in ``X-Forwarded-For`` (``TRUSTED_PROXY_COUNT=1``), as behind a proxy, so
allauth's per-IP login limit applies per client, not to the whole bench.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
PASSWORD = "load-test-password-42"  # noqa: S105 - throwaway bench accounts
SEARCHES = ["液压油", "L-HM 46", "5W-30", "齿轮油", "CK-4", "ISO VG 68", "柴油机油"]
# How often each client does what (weights).
MIX = {
    "list": 25,
    "detail": 25,
    "search": 20,
    "favorite": 10,
    "rfq": 8,
    "download": 8,
    "signin": 2,
}

SEED = """
import json
from allauth.account.models import EmailAddress
from legal.services import consent_accept, consents_required
from members.models import User
from products.models import ProductPage
from tests.factories.catalogue import DocumentFactory

from django.contrib.auth.hashers import make_password

members = int({members})
hashed = make_password({password!r})  # hashed once: seeding stays quick
for i in range(members):
    email = f"load{{i}}@example.com"
    if User.objects.filter(email=email).exists():
        continue
    user = User.objects.create_user(email=email)
    user.password = hashed
    user.save(update_fields=["password"])
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    for version in consents_required(user=user):
        consent_accept(user=user, version=version, locale="zh-hans", channel="app")
document = DocumentFactory(title="TDS load", members_only=False)
products = list(
    ProductPage.objects.live().filter(locale__language_code="zh-hans")
    .values_list("pk", "slug")
)
print("SEED" + json.dumps({{"products": products, "document": document.pk}}))
"""

AUDIT = """
import json
from django.db.models import Count
from members.models import Favorite, ProcurementRequest
users = {{f"load{{i}}@example.com" for i in range(int({members}))}}
requests = ProcurementRequest.objects.filter(user__email__in=users)
doubled_keys = list(
    requests.exclude(idempotency_key="").values("user", "idempotency_key")
    .annotate(n=Count("id")).filter(n__gt=1).values_list("idempotency_key", flat=True)
)
favorites = Favorite.objects.filter(user__email__in=users)
doubled_favorites = favorites.values("user", "translation_key").annotate(
    n=Count("id")).filter(n__gt=1).count()
print("AUDIT" + json.dumps({{
    "requests": {{str(k): v for k, v in requests.values_list("idempotency_key", "id")}},
    "request_count": requests.count(),
    "doubled_keys": doubled_keys,
    "favorite_count": favorites.count(),
    "favorite_pairs": [
        [u, p] for u, p in favorites.values_list("user__email", "page_id")
    ],
    "doubled_favorites": doubled_favorites,
}}))
"""

# The CPU one password check costs in this configuration (the hasher and its
# iterations from the settings), timed in a separate process: sign-ins x this /
# the workers' CPU = the share of the server's CPU spent hashing passwords.
HASH_TIMING = """
import json, time
from django.contrib.auth.hashers import check_password, get_hasher, make_password
hashed = make_password({password!r})
times = []
for _ in range(5):
    started = time.process_time()
    check_password({password!r}, hashed)
    times.append(time.process_time() - started)
hasher = get_hasher()
print("HASH" + json.dumps({{
    "seconds": sorted(times)[2],
    "algorithm": hasher.algorithm,
    "iterations": getattr(hasher, "iterations", None),
}}))
"""


def workers_cpu(server: subprocess.Popen) -> float:
    """User + system CPU seconds of gunicorn's workers so far (from /proc)."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children")
    total = 0.0
    for pid in children.read_text().split():
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except FileNotFoundError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    throttled: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    failures: list[str] = field(default_factory=list)
    client_errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    created: dict[str, int] = field(default_factory=dict)  # idempotency key -> id
    retried: list[tuple[str, int]] = field(default_factory=list)
    favorites: set[tuple[str, int]] = field(default_factory=set)
    server_cpu: float = 0.0  # the workers' CPU seconds during the run


def environment(args, media: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.db}",
        "REDIS_URL": args.redis,
        "SECURE_SSL_REDIRECT": "false",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "EMAIL_URL": "dummymail://",
        "MEDIA_ROOT": media,
        "LOG_LEVEL": "WARNING",
        "TRUSTED_PROXY_COUNT": "1",
        "THROTTLE_RATE_ANON": "100000/min",
        "THROTTLE_RATE_USER": "100000/min",
        "THROTTLE_RATE_WRITE": "100000/min",
    }


def manage(env: dict[str, str], *command: str) -> str:
    result = subprocess.run(
        [str(PYTHON), "manage.py", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.exit(f"manage.py {command[0]} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def marked(output: str, mark: str) -> dict:
    line = next(line for line in output.splitlines() if line.startswith(mark))
    return json.loads(line[len(mark) :])


def prepare(args, env: dict[str, str]) -> dict:
    import psycopg

    with psycopg.connect(
        "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
    ) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{args.db}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{args.db}"')
    print(f"database {args.db}: migrate, seed_demo, {args.members} members …")
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "seed_demo")
    code = SEED.format(members=args.members, password=PASSWORD)
    return marked(manage(env, "shell", "-c", code), "SEED")


def start_server(args, env: dict[str, str]) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(GUNICORN),
            "config.wsgi",
            f"--workers={args.workers}",
            f"--bind=127.0.0.1:{args.port}",
            "--timeout=60",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            if httpx.get(f"{base(args)}/api/v1/site/", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    stop_server(server)
    sys.exit("gunicorn did not come up")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def base(args) -> str:
    return f"http://127.0.0.1:{args.port}"


class Client:
    def __init__(self, number: int, args, seed: dict, results: Results) -> None:
        self.number = number
        self.email = f"load{number % args.members}@example.com"
        self.random = random.Random(number)
        self.products = seed["products"]
        self.document = seed["document"]
        self.results = results
        self.token: str | None = None
        self.http = httpx.AsyncClient(
            base_url=base(args),
            timeout=30,
            headers={"X-Forwarded-For": f"10.9.{number // 200}.{number % 200 + 1}"},
        )

    async def call(self, kind: str, method: str, url: str, **kwargs):
        if self.token and kind != "signin":
            kwargs.setdefault("headers", {})["X-Session-Token"] = self.token
        started = time.perf_counter()
        try:
            response = await self.http.request(method, url, **kwargs)
        except httpx.HTTPError as exc:
            self.results.failures.append(f"{kind} {url}: {exc!r}")
            return None
        elapsed = time.perf_counter() - started
        if response.status_code == 429:
            self.results.throttled[kind] += 1
        elif response.status_code >= 500:
            self.results.failures.append(f"{kind} {url}: {response.status_code}")
        else:
            self.results.latencies[kind].append(elapsed)
            if response.status_code >= 400:
                self.results.client_errors[f"{kind} {response.status_code}"] += 1
        return response

    async def signin(self) -> None:
        response = await self.call(
            "signin",
            "POST",
            "/api/v1/auth/app/v1/auth/login",
            json={"email": self.email, "password": PASSWORD},
        )
        if response is not None and response.status_code == 200:
            self.token = response.json()["meta"]["session_token"]

    async def step(self) -> None:
        kind = self.random.choices(list(MIX), weights=list(MIX.values()))[0]
        if kind in {"favorite", "rfq"} and not self.token:
            kind = "signin"
        pk, slug = self.random.choice(self.products)
        if kind == "list":
            page = self.random.randint(1, 3)
            await self.call(kind, "GET", f"/api/v1/products/?page={page}&page_size=10")
        elif kind == "detail":
            await self.call(kind, "GET", f"/api/v1/products/{slug}/")
        elif kind == "search":
            query = self.random.choice(SEARCHES)
            await self.call(kind, "GET", "/api/v1/products/", params={"q": query})
        elif kind == "signin":
            await self.signin()
        elif kind == "favorite":
            response = await self.call(
                kind, "POST", "/api/v1/me/favorites/", json={"page": pk}
            )
            if response is not None and response.status_code in (200, 201):
                self.results.favorites.add((self.email, pk))
        elif kind == "rfq":
            await self.rfq(pk)
        elif kind == "download":
            await self.call(kind, "GET", f"/api/v1/documents/{self.document}/download/")

    async def rfq(self, product: int) -> None:
        key = str(uuid.uuid4())
        body = {
            "title": f"Load RFQ {key[:8]}",
            "delivery_province": "上海",
            "delivery_city": "上海",
            "items": [{"product": product, "quantity": "5", "unit": "drum_200l"}],
        }
        headers = {"Idempotency-Key": key}
        sends = 2 if self.random.random() < 1 / 3 else 1
        calls = [
            self.call(
                "rfq",
                "POST",
                "/api/v1/me/procurement-requests/",
                json=body,
                headers=dict(headers),
            )
            for _ in range(sends)
        ]
        # A retry races the first attempt, as after a client-side timeout.
        for response in await asyncio.gather(*calls):
            if response is None or response.status_code not in (200, 201):
                continue
            request_id = response.json()["id"]
            if response.status_code == 201 and key not in self.results.created:
                self.results.created[key] = request_id
            else:
                self.results.retried.append((key, request_id))

    async def run(self, deadline: float) -> None:
        async with self.http:
            # Clients arrive over the first seconds and sign in when they first
            # need to (a member action), as app users do.
            await asyncio.sleep(self.random.random() * 5)
            while time.monotonic() < deadline:
                await self.step()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def report(args, results: Results, elapsed: float, audit: dict) -> bool:
    print(
        f"\n{args.clients} clients, {elapsed:.0f} s, gunicorn {args.workers} "
        f"workers, PostgreSQL, Redis cache"
    )
    print(
        f"{'kind':<10}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'p99 ms':>9}{'429':>6}"
    )
    total = 0
    for kind in MIX:
        values = results.latencies.get(kind, [])
        total += len(values)
        if not values:
            continue
        print(
            f"{kind:<10}{len(values):>9}{len(values) / elapsed:>8.1f}"
            f"{percentile(values, 0.50) * 1000:>9.0f}"
            f"{percentile(values, 0.95) * 1000:>9.0f}"
            f"{percentile(values, 0.99) * 1000:>9.0f}"
            f"{results.throttled.get(kind, 0):>6}"
        )
    print(f"{'all':<10}{total:>9}{total / elapsed:>8.1f}")
    signins = len(results.latencies.get("signin", []))
    hashing = signins * args.hash_seconds
    print(
        f"server CPU: {results.server_cpu:.1f} s in {args.workers} workers "
        f"({1000 * results.server_cpu / max(total, 1):.1f} ms per request); "
        f"password hashing ({args.hash_name}, {1000 * args.hash_seconds:.0f} ms of "
        f"CPU per check) x {signins} sign-ins = {hashing:.1f} s: "
        f"{100 * hashing / max(results.server_cpu, 1e-9):.0f} % of the server's CPU"
    )
    print(f"failures (5xx, connection errors): {len(results.failures)}")
    for failure in results.failures[:10]:
        print(f"  {failure}")
    if results.client_errors:
        print(f"4xx answers (other than 429): {dict(results.client_errors)}")

    in_db = audit["requests"]
    problems = []
    if audit["request_count"] != len(results.created):
        problems.append(
            f"{audit['request_count']} procurement requests in the database, "
            f"{len(results.created)} created"
        )
    if audit["doubled_keys"]:
        problems.append(f"keys with more than one request: {audit['doubled_keys']}")
    for key, request_id in results.created.items():
        if in_db.get(key) != request_id:
            problems.append(
                f"created {key} as {request_id}, database has {in_db.get(key)}"
            )
    for key, request_id in results.retried:
        if in_db.get(key) != request_id:
            problems.append(
                f"retry of {key} answered {request_id}, not {in_db.get(key)}"
            )
    if audit["doubled_favorites"]:
        problems.append(f"{audit['doubled_favorites']} doubled favorites")
    stored = {tuple(pair) for pair in audit["favorite_pairs"]}
    if not results.favorites <= stored:
        problems.append(f"{len(results.favorites - stored)} favorites lost")
    print(
        f"audit: {len(results.created)} requests created, "
        f"{len(results.retried)} retries answered with the first request, "
        f"{audit['request_count']} in the database; {audit['favorite_count']} "
        f"favorites, none doubled"
        if not problems
        else "audit FAILED:"
    )
    for problem in problems[:20]:
        print(f"  {problem}")
    return not problems and not results.failures


async def drive(args, seed: dict, results: Results) -> float:
    deadline = time.monotonic() + args.duration
    started = time.monotonic()
    clients = [Client(n, args, seed, results) for n in range(args.clients)]
    await asyncio.gather(*(client.run(deadline) for client in clients))
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--members", type=int, default=100)
    parser.add_argument("--port", type=int, default=8150)
    parser.add_argument("--db", default="lubpur_load")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/5")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()

    media = tempfile.mkdtemp(prefix="lubpur-load-media-")
    env = environment(args, media)
    seed = prepare(args, env)
    timing = marked(
        manage(env, "shell", "-c", HASH_TIMING.format(password=PASSWORD)), "HASH"
    )
    args.hash_seconds = timing["seconds"]
    args.hash_name = f"{timing['algorithm']}, {timing['iterations']:,} iterations"
    server = start_server(args, env)
    results = Results()
    try:
        print(f"driving {args.clients} clients for {args.duration:.0f} s …")
        cpu = workers_cpu(server)
        elapsed = asyncio.run(drive(args, seed, results))
        results.server_cpu = workers_cpu(server) - cpu
    finally:
        stop_server(server)
    audit = marked(
        manage(env, "shell", "-c", AUDIT.format(members=args.members)), "AUDIT"
    )
    ok = report(args, results, elapsed, audit)
    shutil.rmtree(media, ignore_errors=True)
    if not args.keep:
        import psycopg

        with psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
        ) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{args.db}" WITH (FORCE)')
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
