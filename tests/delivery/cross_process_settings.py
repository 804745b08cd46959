"""Settings of the server a cross-process cache test starts: the test settings
with the response cache on (the database comes from ``DATABASE_URL``)."""

from config.settings.test import *  # noqa: F403

API_CACHE = {**API_CACHE, "ENABLED": True}  # noqa: F405
