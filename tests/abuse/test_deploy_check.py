"""``manage.py check --deploy`` under production settings stays clean with a
production environment (CI runs it too; this keeps ``make test`` honest between
CI runs), and refuses the first-run defaults (``cms.checks``)."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings

from cms import checks

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "deploy-check-" + "k3y" * 20,
    "ALLOWED_HOSTS": "cms.example.com",
    "DATABASE_URL": "sqlite:///:memory:",
    "EMAIL_URL": "smtp+tls://user:pass@smtp.example.com:587",
    "REDIS_URL": "redis://cache.example.com:6379/0",
    "FRONTEND_URL": "https://www.example.com",
    "API_BASE_URL": "https://cms.example.com",
    "WAGTAILADMIN_BASE_URL": "https://cms.example.com",
}
DEFAULTED = ("EMAIL_URL", "REDIS_URL", "FRONTEND_URL", "API_BASE_URL")


def check_deploy(**overrides: str | None) -> subprocess.CompletedProcess:
    # Not the test process's own switches (the browser tests set this one), nor
    # any of the settings under test.
    inherited = {
        k: v
        for k, v in os.environ.items()
        if k != "DJANGO_ALLOW_ASYNC_UNSAFE" and k not in PRODUCTION
    }
    env = {**inherited, **PRODUCTION, **overrides}
    env = {k: v for k, v in env.items() if v is not None}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=settings.BASE_DIR,
        check=False,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = check_deploy()
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "no issues" in result.stdout


def test_check_deploy_refuses_every_first_run_default():
    result = check_deploy(**dict.fromkeys(DEFAULTED))
    assert result.returncode != 0
    for error in ("lubpur.E001", "lubpur.E002", "lubpur.E003"):
        assert error in result.stderr, result.stderr[-3000:]
    for name in ("FRONTEND_URL", "API_BASE_URL"):
        assert f"{name} is 'http://" in result.stderr


SAFE = {
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "CACHES": {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}},
    "FRONTEND_URL": "https://www.example.com",
    "API_BASE_URL": "https://cms.example.com",
    "API_PUBLIC_URL": "https://cms.example.com",
    "WAGTAILADMIN_BASE_URL": "https://cms.example.com",
}
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def lubpur_errors() -> list[str]:
    found = [
        *checks.email_backend_check(None),
        *checks.public_urls_check(None),
        *checks.shared_cache_check(None),
    ]
    return sorted(error.id for error in found)


# The two runs above prove the production module wires the checks to its
# environment; each unsafe value is refused in-process (a subprocess per case
# cost CI a minute per database pass).
@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}, "E001"),
        ({"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}, "E001"),
        ({"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend"}, "E001"),
        ({"FRONTEND_URL": "http://localhost:3000"}, "E002"),
        ({"WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000"}, "E002"),
        ({"API_PUBLIC_URL": "http://localhost:8000"}, "E002"),
        ({"API_BASE_URL": "http://app.localhost"}, "E002"),
        ({"CACHES": LOCMEM}, "E003"),
    ],
)
def test_check_deploy_refuses_each_unsafe_default(overrides, error):
    with override_settings(**SAFE):
        assert lubpur_errors() == []
        with override_settings(**overrides):
            assert lubpur_errors() == [f"lubpur.{error}"]
