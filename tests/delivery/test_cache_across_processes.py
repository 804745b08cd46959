"""A publish by one process is seen by another at once, without Redis.

The server runs in its own process (``runserver``) with the default set-up: no
``REDIS_URL``, responses cached in its local memory. ``manage.py import_policy``
then publishes a new policy version from a second process against the same
database, as an operator would from a shell: on SQLite a file copied from the
(in-memory) test database, on PostgreSQL the test database itself (this test's
rows are committed). The server's next answer is the
new version, not the cached old one: the cache's invalidation tokens live in the
database (``delivery.tag_store``) where both processes see them.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from tests.frontend_api.test_policies_api import EDITED_ZH
from tests.legal import conftest as legal_fixtures

# Committed rows, so the copy sees them; the migrations' rows come back after.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

policy = legal_fixtures.policy
MANAGE = Path(settings.BASE_DIR) / "manage.py"
URL = "/api/v1/policies/privacy/?locale=zh-hans"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_file(tmp_path: Path) -> Path:
    """The test database, with this test's rows, copied to a file both processes
    open."""
    path = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    return path


def _database_url(tmp_path: Path) -> str:
    """The URL of a database with this test's rows that other processes open."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{_database_file(tmp_path)}"
    db = connection.settings_dict
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(str(db['PASSWORD']), safe='')}" if db["PASSWORD"] else ""
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{user}{password}@{db['HOST']}{port}/{db['NAME']}"


def _env(database: str, settings_module: str) -> dict[str, str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module}
    env["DATABASE_URL"] = database
    env.pop("REDIS_URL", None)  # the default set-up: a process-local cache
    env.pop("API_CACHE_TAG_STORE", None)
    return env


def _get(base: str) -> tuple[str, dict]:
    import json

    with urllib.request.urlopen(base + URL, timeout=30) as response:  # noqa: S310
        return response.headers["X-Cache"], json.loads(response.read())


@pytest.fixture
def server(policy, tmp_path):
    database = _database_url(tmp_path)
    port = _free_port()
    env = _env(database, "tests.delivery.cross_process_settings")
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            str(MANAGE),
            "runserver",
            f"127.0.0.1:{port}",
            "--noreload",
            "--skip-checks",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                _get(base)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.5)
        yield base, database
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_policy_imported_by_another_process_is_served_next(server, tmp_path):
    base, database = server
    _get(base)
    cached, before = _get(base)
    assert cached == "hit"

    text = tmp_path / "policy-v2.txt"
    text.write_text(EDITED_ZH.replace("2024年3月1日", "2024年9月1日"), "utf-8")
    subprocess.run(  # noqa: S603
        [
            sys.executable,
            str(MANAGE),
            "import_policy",
            str(text),
            "--locale",
            "zh-hans",
            "--page",
            "privacy",
            "--publish",
        ],
        env=_env(database, "config.settings.test"),
        check=True,
        capture_output=True,
    )

    state, after = _get(base)
    assert state == "miss"
    assert after["sha256"] != before["sha256"]
    assert after["version"] != before["version"]
    assert _get(base)[0] == "hit"
