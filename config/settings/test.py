"""The test runner's settings: fast hasher, local-memory cache, immediate tasks."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")

from . import base
from .base import *
from .base import CACHES  # named, so mypy sees it defined before the branches

DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    # cache.clear() is FLUSHDB: pytest-xdist workers sharing one Redis database
    # would wipe each other's rate-limit counters and cached responses mid-test.
    # Each worker gets its own database (gw0 -> the URL's, gw1 -> the next, ...).
    from urllib.parse import urlsplit, urlunsplit

    _url = urlsplit(REDIS_URL)
    _db = int(_url.path.strip("/") or 0)
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    _location = urlunsplit(_url._replace(path=f"/{(_db + int(_worker or 0)) % 16}"))
    CACHES = {"default": {**base.CACHES["default"], "LOCATION": _location}}
STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private-media"
CORS_ALLOWED_ORIGINS = ["https://www.example.com"]
WAGTAILADMIN_BASE_URL = "http://testserver"
API_PUBLIC_URL = "http://testserver"
# Most API tests change rows behind Wagtail's back; tests/frontend_api/test_caching.py
# switches the response cache on.
API_CACHE = {**API_CACHE, "ENABLED": False}
WAGTAILFRONTENDCACHE = {}
SMS_BACKEND = "locmem"
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # The test database is thrown away: no need to wait for WAL flushes on commit
    # (transactional tests, the browser tests' live server and the test database's
    # creation commit thousands of times).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c synchronous_commit=off"
    )
