"""A NUL character anywhere a client controls is a 400 problem, never a 500:
PostgreSQL text cannot hold one, so it must not reach a query (the fuzzer found a
``%00`` in a slug failing deep in the ORM)."""

import pytest

pytestmark = pytest.mark.django_db

URLS = [
    "/api/v1/products/a%00b/",
    "/api/v1/products/?q=a%00b",
    "/api/v1/products/?brand=%00",
    "/api/v1/policies/privacy%00/",
    "/api/v1/pages/find/?path=/zh-hans/%00/",
    "/api/v1/site/?locale=%00",
    "/api/v1/me/procurement-requests/?status=%00",
]


@pytest.mark.parametrize("url", URLS)
def test_a_nul_in_the_path_or_query_is_a_400_problem(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "null_character"


@pytest.mark.parametrize(
    "header", ["HTTP_ACCEPT_LANGUAGE", "HTTP_X_SESSION_TOKEN", "HTTP_X_VISITOR_ID"]
)
def test_a_nul_in_a_header_is_a_400_problem(client, header):
    response = client.get("/api/v1/products/", **{header: "en\x00"})
    assert response.status_code == 400
    assert response.json()["code"] == "null_character"


def test_a_nul_in_a_json_body_is_a_field_error(client):
    response = client.post(
        "/api/v1/consents/",
        {"policy": "privacy\x00", "version": "2024-03-01", "visitor_id": "v"},
        content_type="application/json",
    )
    assert response.status_code == 400
    codes = {error["code"] for error in response.json()["errors"]}
    assert "null_characters_not_allowed" in codes


def test_ordinary_requests_pass(client):
    assert client.get("/api/v1/products/?q=液压油%20L-HM").status_code == 200
