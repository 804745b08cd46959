"""Boundary values the fuzzing in ``test_schema_fuzz`` does not generate: integers
beyond the database's range in every integer of every request (body, path and
query), and JSON nested thousands deep. Each is a 4xx problem, never a 5xx, on
SQLite and PostgreSQL; every integer a request body may carry is bounded in the
schema (``frontend_api.fields.IntegerField``)."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from drf_spectacular.generators import SchemaGenerator

from frontend_api.fields import DB_INT_MAX, DB_INT_MIN
from tests.fuzz.test_schema_fuzz import fuzz_world, owner  # noqa: F401 (fixtures)

BEYOND = [DB_INT_MAX + 1, DB_INT_MIN - 1, 2**70, -(2**70), 10**40]
SCHEMA = SchemaGenerator().get_schema(request=None, public=True)
COMPONENTS = SCHEMA["components"]["schemas"]
METHODS = ("get", "post", "put", "patch", "delete")


@pytest.fixture
def token(fuzz_world):  # noqa: F811 (the fixture imported above)
    """The fuzzing's world (its member's session token), throttles out of the way."""
    return fuzz_world


def resolve(node: dict) -> dict:
    while "$ref" in node:
        node = COMPONENTS[node["$ref"].rsplit("/", 1)[1]]
    if "allOf" in node:
        merged: dict = {"properties": {}}
        for part in node["allOf"]:
            merged["properties"].update(resolve(part).get("properties", {}))
        return merged
    return node


def integer_paths(node: dict, prefix: tuple = ()) -> list[tuple]:
    """Where an integer sits in a body of this schema: tuples of keys, with
    ``0`` for "the first item of this array"."""
    node = resolve(node)
    if node.get("type") == "integer":
        return [prefix]
    if node.get("type") == "array" and "items" in node:
        return integer_paths(node["items"], (*prefix, 0))
    found = []
    for name, sub in node.get("properties", {}).items():
        if not sub.get("readOnly"):
            found += integer_paths(sub, (*prefix, name))
    return found


def body_with(path: tuple, value: int):
    if not path:
        return value
    head, rest = path[0], path[1:]
    return [body_with(rest, value)] if head == 0 else {head: body_with(rest, value)}


def operations():
    for url, item in SCHEMA["paths"].items():
        for method in METHODS:
            if method in item:
                yield url, method, item[method]


def json_body_schema(operation: dict) -> dict | None:
    content = operation.get("requestBody", {}).get("content", {})
    return content.get("application/json", {}).get("schema")


BODY_CASES = [
    pytest.param(url, method, path, id=f"{method} {url} {'.'.join(map(str, path))}")
    for url, method, operation in operations()
    if (body := json_body_schema(operation)) is not None
    for path in integer_paths(body)
]
PARAM_CASES = [
    pytest.param(url, method, param, id=f"{method} {url} {param['name']}")
    for url, method, operation in operations()
    for param in operation.get("parameters", [])
    if param["in"] in ("path", "query")
    and resolve(param.get("schema", {})).get("type") == "integer"
]
JSON_CASES = [
    pytest.param(url, method, id=f"{method} {url}")
    for url, method, operation in operations()
    if json_body_schema(operation) is not None
]


def test_the_cases_reach_the_fields_that_failed():
    ids = [case.id for case in BODY_CASES]
    assert any("consultations" in i and i.endswith(" product") for i in ids)
    assert any("procurement-requests" in i and "items.0.product" in i for i in ids)


def test_every_integer_a_request_body_carries_is_bounded_to_the_database():
    for url, method, operation in operations():
        body = json_body_schema(operation)
        if body is None:
            continue
        for path in integer_paths(body):
            node = body
            for key in path:
                node = resolve(node)
                node = node["items"] if key == 0 else node["properties"][key]
            node = resolve(node)
            where = f"{method} {url} {path}"
            assert DB_INT_MIN <= node.get("minimum", DB_INT_MIN - 1), where
            assert node.get("maximum", DB_INT_MAX + 1) <= DB_INT_MAX, where


def fill(url: str, value: object = 1) -> str:
    return re.sub(r"\{[^}]+\}", str(value), url)


def assert_problem(response, where: str) -> None:
    assert response.status_code < 500, (where, response.content[:300])
    if response.status_code >= 400:
        assert response["Content-Type"] == "application/problem+json", where


@pytest.mark.parametrize(("url", "method", "path"), BODY_CASES)
def test_integers_beyond_the_database_in_a_body_are_refused(url, method, path, token):
    client = Client(HTTP_X_SESSION_TOKEN=token)
    for value in BEYOND:
        response = getattr(client, method)(
            fill(url),
            json.dumps(body_with(path, value)),
            content_type="application/json",
        )
        assert_problem(response, f"{value}")
        assert response.status_code in (400, 401, 403, 404, 405), response.content


@pytest.mark.parametrize(("url", "method", "param"), PARAM_CASES)
def test_integers_beyond_the_database_in_a_path_or_query_are_refused(
    url, method, param, token
):
    client = Client(HTTP_X_SESSION_TOKEN=token)
    for value in BEYOND:
        if param["in"] == "path":
            target, query = url.replace("{" + param["name"] + "}", str(value)), ""
        else:
            target, query = url, f"?{param['name']}={value}"
        response = getattr(client, method)(fill(target) + query)
        assert_problem(response, f"{value}")


@pytest.mark.parametrize(("url", "method"), JSON_CASES)
def test_json_nested_thousands_deep_is_a_400(url, method, token):
    client = Client(HTTP_X_SESSION_TOKEN=token)
    for body in ("[" * 5000 + "]" * 5000, '{"a":' * 5000 + "1" + "}" * 5000):
        response = getattr(client, method)(
            fill(url), body, content_type="application/json"
        )
        assert response.status_code == 400, response.content[:300]
        assert response.json()["code"] == "too_deep"
