"""CORS: only the origins in ``CORS_ALLOWED_ORIGINS`` may read the API, with
credentials (the session cookie)."""

import pytest

pytestmark = pytest.mark.django_db

ALLOWED = "https://www.example.com"  # config.settings.test


def test_a_configured_origin_is_allowed_with_credentials(client):
    response = client.get("/api/v1/site/", HTTP_ORIGIN=ALLOWED)
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert response["Access-Control-Allow-Credentials"] == "true"


def test_a_preflight_from_a_configured_origin_is_answered(client):
    response = client.options(
        "/api/v1/products/",
        HTTP_ORIGIN=ALLOWED,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED


def test_another_origin_gets_no_cors_headers(client):
    response = client.get("/api/v1/site/", HTTP_ORIGIN="https://evil.example.net")
    assert "Access-Control-Allow-Origin" not in response
    assert "Access-Control-Allow-Credentials" not in response
