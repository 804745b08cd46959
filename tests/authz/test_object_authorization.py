"""Object-level authorization, for every member-scoped operation in the schema.

The operations are read from the OpenAPI schema the code generates: everything
under ``/api/v1/me/`` and everything with an object-id path parameter. For each,
member A gets data of every kind (``member_with_data``), then the operation is
replayed against A's objects by a visitor and by member B (signed in with a real
allauth session token):

- the visitor gets 401/403/404;
- B gets 401/403/404 when the path names one of A's objects; on A-less paths
  (``/me/favorites/``) B acts on B's own data;
- neither response contains any of A's identifying values, and A's objects are
  unchanged afterwards;
- finally A replays it and succeeds, proving the replay pointed at A's object.

A new endpoint with no factory in ``tests/authz/resources.py`` fails here.
"""

from __future__ import annotations

import json
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from drf_spectacular.generators import SchemaGenerator

from tests.factories.member_data import (
    MemberData,
    files_restore,
    member_with_data,
)
from tests.factories.members import PASSWORD, MemberFactory
from tests.factories.shared import rows_for_the_module

from .resources import AUTHZ_PHONE_CODE, FACTORIES, Replay

DENIED = {401, 403, 404}
METHODS = {"get", "post", "put", "patch", "delete"}
APP_LOGIN = "/api/v1/auth/app/v1/auth/login"


def _is_object_id(parameter: dict) -> bool:
    name = parameter["name"]
    kind = parameter.get("schema", {}).get("type")
    return kind == "integer" or name in {"id", "pk"} or name.endswith("_id")


def scoped_operations() -> list[tuple[str, str, bool]]:
    """``(METHOD, path, names_an_object)`` for every operation to prove."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    found = []
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            ids = [
                p
                for p in operation.get("parameters", [])
                if p["in"] == "path" and _is_object_id(p)
            ]
            if path.startswith("/api/v1/me/") or ids:
                found.append((method.upper(), path, bool(ids)))
    return found


OPERATIONS = scoped_operations()


def _sign_in(email: str) -> dict[str, str]:
    response = Client().post(
        APP_LOGIN,
        {"email": email, "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return {"HTTP_X_SESSION_TOKEN": response.json()["meta"]["session_token"]}


def _send(method: str, path: str, replay: Replay, headers: dict[str, str]):
    url = re.sub(r"\{(\w+)\}", lambda m: str(replay.params[m.group(1)]), path)
    client = Client()
    if replay.files is not None:
        # Encoded by hand: Django's client encodes dicts as multipart for POST only.
        body = encode_multipart(BOUNDARY, replay.files())
        return client.generic(
            method, url, body, content_type=MULTIPART_CONTENT, **headers
        )
    if replay.json is not None:
        return client.generic(
            method,
            url,
            json.dumps(replay.json),
            content_type="application/json",
            **headers,
        )
    return client.generic(method, url, **headers)


def _assert_no_trace_of(owner: MemberData, response, who: str) -> None:
    body = response.content.decode("utf-8", errors="replace")
    leaked = [value for value in owner.secrets if value and value in body]
    assert not leaked, f"{who} saw A's data {leaked} in {body[:500]}"


@pytest.fixture(scope="module")
def owner_data(django_db_setup, django_db_blocker):
    with rows_for_the_module(django_db_blocker):
        yield member_with_data("a")


@pytest.fixture
def owner(owner_data, db, wechat):
    # POST /me/wechat/phone/ asks WeChat for a number: the fake answers A's own.
    wechat.reuse_codes = True
    wechat.add_phone(AUTHZ_PHONE_CODE, owner_data.member.phone.removeprefix("+86"))
    files_restore(owner_data)
    cache.clear()
    yield owner_data
    cache.clear()


@pytest.mark.parametrize(
    ("method", "path", "names_an_object"),
    OPERATIONS,
    ids=[f"{m} {p}" for m, p, _ in OPERATIONS],
)
def test_another_member_and_a_visitor_never_reach_a_members_data(
    owner, method, path, names_an_object
):
    factory = FACTORIES.get((method, path))
    assert factory is not None, (
        f"add a factory for {method} {path} in tests/authz/resources.py "
        "(how to replay it against member A's data)"
    )
    replay = factory(owner)

    visitor = _send(method, path, replay, {})
    assert visitor.status_code in DENIED, (
        f"a visitor got {visitor.status_code} from {method} {path}"
    )
    _assert_no_trace_of(owner, visitor, "a visitor")
    replay.intact()

    other = MemberFactory()
    as_b = _send(method, path, replay, _sign_in(other.email))
    if names_an_object:
        assert as_b.status_code in DENIED, (
            f"member B got {as_b.status_code} from {method} {path} on A's object"
        )
    else:
        assert as_b.status_code < 500, as_b.content[:500]
    _assert_no_trace_of(owner, as_b, "member B")
    replay.intact()

    as_a = _send(method, path, replay, _sign_in(owner.member.email))
    assert as_a.status_code < 400, (
        f"A's own replay of {method} {path} failed ({as_a.status_code}): "
        f"{as_a.content[:500]!r} — the factory does not point at A's data"
    )


def test_every_member_scoped_operation_is_enumerated():
    """The enumeration itself: the known member operations are found, and every
    factory still matches an operation (a renamed endpoint leaves none stale)."""
    found = {(method, path) for method, path, _ in OPERATIONS}
    assert ("GET", "/api/v1/me/") in found
    assert ("GET", "/api/v1/me/procurement-requests/{id}/") in found
    assert ("GET", "/api/v1/documents/{id}/download/") in found
    stale = set(FACTORIES) - found
    assert not stale, f"factories for operations the schema no longer has: {stale}"
