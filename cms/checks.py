"""Deploy checks (``manage.py check --deploy``): production refuses the defaults
that are right for a first run on a laptop and wrong on a server.

* E-mail through the console, memory or file backend: verification and reset
  links would land in logs (or nowhere) instead of inboxes.
* ``FRONTEND_URL`` or the API's public URLs on localhost: every link in an e-mail,
  webhook and "View live" would point at the recipient's own machine.
* A process-local cache: rate limits, lockouts and cached responses would be
  per server process, so each gunicorn worker grants its own five tries.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, register

from core.files import SERVE_METHODS

UNSAFE_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}
PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}
PUBLIC_URL_SETTINGS = (
    "FRONTEND_URL",
    "API_PUBLIC_URL",
    "API_BASE_URL",
    "WAGTAILADMIN_BASE_URL",
)
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", ""}  # noqa: S104 (names, not a bind)


def is_local(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host in LOCAL_HOSTS or host.endswith(".localhost") or host.startswith("127.")


@register(deploy=True)
def email_backend_check(app_configs, **kwargs) -> list[Error]:
    if settings.EMAIL_BACKEND in UNSAFE_EMAIL_BACKENDS:
        return [
            Error(
                f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}: no e-mail leaves "
                "the server.",
                hint="Set EMAIL_URL, e.g. smtp+tls://user:password@host:587.",
                id="lubpur.E001",
            )
        ]
    return []


@register(deploy=True)
def public_urls_check(app_configs, **kwargs) -> list[Error]:
    return [
        Error(
            f"{name} is {getattr(settings, name)!r}, on this machine.",
            hint=f"Set {name} to the public https:// address.",
            id="lubpur.E002",
        )
        for name in PUBLIC_URL_SETTINGS
        if hasattr(settings, name) and is_local(getattr(settings, name))
    ]


@register(deploy=True)
def shared_cache_check(app_configs, **kwargs) -> list[Error]:
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PROCESS_LOCAL_CACHES:
        return [
            Error(
                f"The default cache is {backend}, local to each process: rate "
                "limits and cached responses would not be shared.",
                hint="Set REDIS_URL.",
                id="lubpur.E003",
            )
        ]
    return []


@register()
def private_media_check(app_configs, **kwargs) -> list[Error]:
    """Private files (``core.files``) must not sit where a public URL serves them:
    inside ``MEDIA_ROOT`` or ``STATIC_ROOT`` (checked always, not only on deploy)."""
    private = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = Path(getattr(settings, name) or "/nonexistent").resolve()
        if private == public or public in private.parents:
            errors.append(
                Error(
                    f"PRIVATE_MEDIA_ROOT ({private}) is inside {name} ({public}): "
                    "its files would be public.",
                    hint="Set PRIVATE_MEDIA_ROOT to a folder outside it.",
                    id="lubpur.E004",
                )
            )
    if getattr(settings, "PRIVATE_MEDIA_SERVE", "django") not in SERVE_METHODS:
        errors.append(
            Error(
                f"PRIVATE_MEDIA_SERVE is {settings.PRIVATE_MEDIA_SERVE!r}.",
                hint="Use django, x-accel-redirect or x-sendfile.",
                id="lubpur.E005",
            )
        )
    return errors
