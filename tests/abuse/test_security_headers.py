"""Security headers on every kind of response, and a Content-Security-Policy for
the admin, the API docs and the JSON API (the browser tests prove the admin and
the docs still work under theirs)."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings

pytestmark = pytest.mark.django_db

PATHS = ["/api/v1/site/", "/api/docs/", "/api/schema/", "/admin/login/"]


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_error_responses_carry_them_too(client):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in response


def test_the_json_api_may_load_nothing_and_never_be_framed(client):
    csp = client.get("/api/v1/site/")["Content-Security-Policy"]
    assert csp == "default-src 'none'; frame-ancestors 'none'"


def test_the_api_docs_run_only_their_own_scripts(client):
    csp = client.get("/api/docs/")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"


def test_the_api_docs_load_swagger_ui_from_our_own_static_files(client):
    html = client.get("/api/docs/").content.decode()
    assert "cdn." not in html and "https://" not in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")


def test_the_admin_may_be_framed_only_by_itself(client):
    csp = client.get("/admin/login/")["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp
    assert "object-src 'none'" in csp


def test_production_sends_hsts():
    """Production settings, loaded in a fresh interpreter as a deployment would."""
    probe = (
        "import django; django.setup(); from django.test import Client; "
        "r = Client().get('/api/schema/', secure=True); "
        "print(r.status_code, r['Strict-Transport-Security'])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed code
        [sys.executable, "-c", probe],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=django_settings.BASE_DIR,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    status, hsts = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert hsts == "max-age=31536000; includeSubDomains; preload"
