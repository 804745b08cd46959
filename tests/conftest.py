"""Shared fixtures: the two locales and a member API client."""

import pytest
from rest_framework.test import APIClient
from wagtail.models import Locale

from core import sms
from tests.factories.tree import Tree, site_tree
from tests.fakes.fixtures import aliyun, tencent, wechat  # noqa: F401


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def tree(db) -> Tree:
    """The one site tree of every test: a home per locale with its products and
    guides sections (tests/factories/tree.py). ``tree.homes["zh-hans"]``,
    ``tree.products["en"]``, ``tree.locales["en"]``."""
    return site_tree()


@pytest.fixture
def locales(db):
    """The source locale (zh-hans, made by migrations) and English."""
    zh = Locale.objects.get(language_code="zh-hans")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return {"zh-hans": zh, "en": en}


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test writes uploads to its own folders (public and private)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


# --- Run order ----------------------------------------------------------------
# pytest-django runs database tests first, then transactional ones (which flush the
# database when they finish), then tests without a database. On top of that, one
# explicit rule instead of alphabetical folder names: browser tests (tests/e2e, which
# restore the migrations' data after a flush themselves) run after every other test,
# and tests marked ``after_browser`` run after them. Python's sort is stable, so
# pytest-django's order holds inside each group; under pytest-xdist each worker
# receives its tests in this order.
BROWSER_TESTS = "tests/e2e/"


def _run_group(item: pytest.Item) -> int:
    if item.get_closest_marker("after_browser"):
        return 2
    return 1 if BROWSER_TESTS in item.nodeid else 0


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=_run_group)


@pytest.fixture(autouse=True)
def _sms_outbox():
    """Each test starts with an empty ``core.sms.outbox`` (locmem SMS backend)."""
    sms.outbox.clear()
