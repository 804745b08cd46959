"""Every error is RFC 7807 problem details, never an HTML page or a 500."""

import pytest

pytestmark = pytest.mark.django_db


def test_unknown_api_path_is_a_problem_404(client):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 404 and body["code"] == "not_found"
    assert set(body) >= {"type", "title", "status", "detail", "errors"}


def test_unknown_locale_is_a_400_with_the_field_named(api_client):
    response = api_client.get("/api/v1/site/", {"locale": "fr"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"] == [
        {
            "code": "invalid_locale",
            "detail": "Unknown locale; use one of zh-hans, en.",
            "attr": "locale",
        }
    ]


def test_site_endpoint_lists_both_locales_and_follows_accept_language(api_client):
    response = api_client.get("/api/v1/site/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    body = response.json()
    assert body["locale"] == "en"
    assert [loc["code"] for loc in body["locales"]] == ["zh-hans", "en"]
    assert api_client.get("/api/v1/site/").json()["locale"] == "zh-hans"
