"""Settings for ``bench/api.py`` only: the app as deployed (DEBUG off, the same
middleware), plus the baselines' URLs (``bench/urls.py``)."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")

from config.settings.base import *

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"
API_CACHE = {**API_CACHE, "ENABLED": env.bool("API_CACHE_ENABLED", default=True)}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOGGING = {"version": 1, "disable_existing_loggers": True}
STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "bench-media")
API_PUBLIC_URL = "http://127.0.0.1"
# As in production: a worker keeps its database connection between requests
# (with 0, every uncached request would pay a new connection).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
