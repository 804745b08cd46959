"""Production: everything from the environment, HTTPS only, database-backed tasks."""

from .base import *

DEBUG = False
# Several gunicorn servers behind a proxy (README "Deploying"): the proxy sets
# X-Forwarded-Proto (and, if it rewrites Host, X-Forwarded-Host).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = env.bool("USE_X_FORWARDED_HOST", default=False)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CONN_MAX_AGE = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_MAX_AGE"] = CONN_MAX_AGE
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND", default="django_tasks_db.backend.DatabaseBackend"
        )
    }
}
# Wagtail's preview panel frames the admin's own preview view, so frames stay
# SAMEORIGIN (base.py) rather than DENY; the API is JSON and never framed.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
