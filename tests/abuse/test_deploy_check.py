"""``manage.py check --deploy`` under production settings stays clean (CI runs it
too; this keeps ``make test`` honest between CI runs)."""

import os
import subprocess
import sys

from django.conf import settings


def test_check_deploy_is_clean_under_production_settings():
    # Not the test process's own switches (the browser tests set this one).
    inherited = {
        k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "deploy-check-" + "k3y" * 20,
        "ALLOWED_HOSTS": "cms.example.com",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=settings.BASE_DIR,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "no issues" in result.stdout
