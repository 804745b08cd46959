"""Bodies too large to accept are refused with 413 problem details before they are
read; a body within the limit still reaches the view."""

import json

import pytest
from django.core.exceptions import RequestDataTooBig

from frontend_api.errors import problem_exception_handler

pytestmark = pytest.mark.django_db


def _json_of_size(size: int) -> str:
    return json.dumps({"padding": "x" * size})


def test_an_oversize_json_body_is_a_413_problem_on_any_api_path(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    for path in ["/api/v1/site/", "/api/v1/auth/browser/v1/auth/login"]:
        response = client.post(
            path, _json_of_size(2048), content_type="application/json"
        )
        assert response.status_code == 413, path
        assert response["Content-Type"] == "application/problem+json"
        body = response.json()
        assert body["status"] == 413 and body["code"] == "too_large"
        assert "1024 bytes" in body["detail"]


def test_a_body_within_the_limit_reaches_the_view(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = client.post(
        "/api/v1/site/", _json_of_size(512), content_type="application/json"
    )
    assert response.status_code == 405  # the view answered: GET only


def test_an_oversize_form_body_is_a_413_problem(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = client.post(
        "/api/v1/site/",
        "padding=" + "x" * 2048,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"


def test_oversize_bodies_outside_the_api_are_left_to_django(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = client.post(
        "/admin/login/", _json_of_size(2048), content_type="application/json"
    )
    assert response.status_code != 413


def test_data_too_big_raised_while_parsing_becomes_a_413_problem():
    response = problem_exception_handler(RequestDataTooBig("too big"), {})
    assert response.status_code == 413
    assert response.data["code"] == "too_large"
    assert response.content_type == "application/problem+json"
