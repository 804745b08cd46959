"""Every error is RFC 7807 problem details, never an HTML page or a 500."""

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

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
            "detail": "未知语言；请使用以下之一：zh-hans, en。",
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


def _view_raising(exc):
    class Raising(APIView):
        permission_classes: list = []

        def get(self, request):
            raise exc

    return Raising.as_view()


def _problem(exc):
    response = _view_raising(exc)(APIRequestFactory().get("/api/v1/x/"))
    response.render()
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    return response.data


def test_a_bare_django_validation_error_is_a_400_problem_not_a_500():
    body = _problem(ValidationError("Too late to change this.", code="closed"))

    assert body["status"] == 400 and body["code"] == "invalid"
    assert body["detail"] == "Too late to change this."
    assert body["errors"] == [
        {"code": "closed", "detail": "Too late to change this.", "attr": None}
    ]


def test_a_django_validation_error_names_each_field_it_refuses():
    body = _problem(
        ValidationError(
            {
                "email": ValidationError("Enter a valid e-mail address.", "invalid"),
                "__all__": [ValidationError("Nothing to do.", "empty")],
                "sku": "Another product already uses this SKU.",
            }
        )
    )

    assert body["detail"] == "输入无效。"  # the default language, zh-hans
    assert body["errors"] == [
        {"code": "invalid", "detail": "Enter a valid e-mail address.", "attr": "email"},
        {"code": "empty", "detail": "Nothing to do.", "attr": None},
        {
            "code": "invalid",
            "detail": "Another product already uses this SKU.",
            "attr": "sku",
        },
    ]


def test_a_list_of_django_validation_errors_keeps_each_message():
    body = _problem(
        ValidationError([ValidationError("First.", "a"), ValidationError("Second.")])
    )

    assert [(e["code"], e["detail"]) for e in body["errors"]] == [
        ("a", "First."),
        ("invalid", "Second."),
    ]


def test_a_browser_request_without_csrf_is_a_problem_403(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/api/v1/auth/browser/v1/auth/login",
        {"email": "a@example.com", "password": "x"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "csrf_failed"


def test_a_csrf_failure_outside_the_api_stays_django_s_page(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/admin/login/", {})
    assert response.status_code == 403
    assert "problem" not in response["Content-Type"]
