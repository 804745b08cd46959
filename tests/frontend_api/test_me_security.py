"""Transport rules of the member API: CORS with credentials only for configured
origins, secure cookies in production."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def preflight(client, origin):
    return client.options(
        "/api/v1/me/",
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="PATCH",
    )


def test_a_configured_origin_may_call_with_credentials(client):
    response = preflight(client, "https://www.example.com")
    assert response["Access-Control-Allow-Origin"] == "https://www.example.com"
    assert response["Access-Control-Allow-Credentials"] == "true"


def test_any_other_origin_gets_no_cors_grant(client):
    response = preflight(client, "https://evil.example.net")
    assert "Access-Control-Allow-Origin" not in response


def test_production_cookies_are_secure():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "cms.example.com",
    }
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SESSION_COOKIE_HTTPONLY)"
    )
    out = subprocess.run(  # noqa: S603 - our own interpreter and settings
        [sys.executable, "-c", "import django; django.setup();" + code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    assert out.stdout.split() == ["True", "True", "True"]
