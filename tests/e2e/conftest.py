"""Browser tests: Debian's Chromium driven by Playwright against a live server.

Playwright's own browser download does not work here, so it launches the system
Chromium (``/usr/bin/chromium``, or ``$LUBPUR_CHROMIUM``). When that is missing
the browser tests are deselected at collection and the run's summary says so in
one line; they never fail or pass silently.

Every test gets a fresh Chromium profile, a live server on a real port with a
transactional database (restored from the migrations' data before each test, so
the page tree and locales exist), and leaves a screenshot of its last screen in
``tests/e2e/screenshots/<test name>.png`` (a CI artefact, ignored by git).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .migration_data import migration_data_missing, migration_data_restore

E2E_DIR = Path(__file__).parent
SCREENSHOTS = E2E_DIR / "screenshots"
CHROMIUM = os.environ.get("LUBPUR_CHROMIUM") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# How long a step may wait (a click's navigation, a selector). A publish runs the
# search index, reference index, cache invalidation and webhooks in the request;
# on a loaded machine (CI beside other jobs) it took over 15 s, and a request
# still running when its test gave up then shared the in-memory SQLite connection
# with the next test's requests (errors cascading through the rest of the run).
STEP_TIMEOUT_MS = int(os.environ.get("LUBPUR_E2E_TIMEOUT_MS") or 45_000)
NOT_RUN_REASON = (
    f"browser tests NOT RUN: no Chromium at {CHROMIUM} "
    "(apt-get install chromium, or set LUBPUR_CHROMIUM)"
)

# Playwright's sync API keeps an event loop running in this thread; the test's
# own ORM calls are still synchronous, so Django's async guard must be told.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def chromium_available() -> bool:
    return os.access(CHROMIUM, os.X_OK)


def pytest_collection_modifyitems(config, items):
    """Mark everything under tests/e2e ``e2e``; deselect it when Chromium is
    missing (and say so in the summary) rather than fail on a machine without a
    browser."""
    ours = [item for item in items if E2E_DIR in Path(item.fspath).parents]
    for item in ours:
        item.add_marker(pytest.mark.e2e)
    if ours and not chromium_available():
        config.hook.pytest_deselected(items=ours)
        items[:] = [item for item in items if item not in ours]
        config._lubpur_e2e_not_run = len(ours)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    count = getattr(config, "_lubpur_e2e_not_run", 0)
    if count:
        terminalreporter.write_line(f"{count} {NOT_RUN_REASON}", yellow=True)


@pytest.fixture(scope="session")
def playwright_driver():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture
def server(live_server, transactional_db, django_db_serialized_rollback):
    """The live server's base URL, e.g. ``http://localhost:40123``; its database
    starts from the migrations' data (root page, home pages, locales, groups),
    put back by replaying our data migrations if an earlier transactional test
    flushed it."""
    if migration_data_missing():
        migration_data_restore()
    return live_server.url


@pytest.fixture
def page(playwright_driver, server, request) -> Iterator:
    """A Chromium tab in a fresh profile; a screenshot of the last screen is saved
    whatever the outcome."""
    profile = tempfile.mkdtemp(prefix="lubpur-e2e-")
    context = playwright_driver.chromium.launch_persistent_context(
        profile,
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        viewport={"width": 1400, "height": 1000},
        locale="en-US",
    )
    context.set_default_timeout(STEP_TIMEOUT_MS)
    tab = context.pages[0] if context.pages else context.new_page()
    tab.csp_violations = []
    tab.on(
        "console",
        lambda message: (
            tab.csp_violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    try:
        yield tab
    finally:
        SCREENSHOTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        try:
            tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)
