"""Schemathesis fuzzes every operation of the generated OpenAPI schema, anonymous and
as a signed-in member: no 5xx, and every response conforms to the schema (documented
status code, content type and body).

The schema is generated from the code at collection time (the same schema
``make schema`` commits), so a new endpoint is fuzzed without touching this file.
Requests go in-process to Django's WSGI application (no live server, no
transactional database): each operation is one test in its own transaction, with
a member who owns one of everything (favorite, requests, …) so operations on
existing objects are reached too. Generation is derandomized and bounded
(``FUZZ_EXAMPLES`` per operation and phase) so CI is reproducible and quick.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core import signals
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories.member_data import (
    files_restore,
    member_with_data,
)
from tests.factories.members import PASSWORD
from tests.factories.shared import rows_for_the_module

FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
APP_LOGIN = "/api/v1/auth/app/v1/auth/login"

schema = schemathesis.openapi.from_dict(
    SchemaGenerator().get_schema(request=None, public=True)
)
schema.app = WSGIHandler()
schema.config.generation.update(
    max_examples=FUZZ_EXAMPLES, deterministic=True, no_shrink=True
)


def _sign_in(email: str) -> str:
    """An allauth app session token, obtained the way an app does."""
    from django.test import Client

    response = Client().post(
        APP_LOGIN,
        {"email": email, "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return response.json()["meta"]["session_token"]


@pytest.fixture(scope="module")
def owner(django_db_setup, django_db_blocker):
    """A member with one of everything, and their session token, for the module."""
    with rows_for_the_module(django_db_blocker):
        data = member_with_data("fuzz")
        yield data, _sign_in(data.member.email)


@pytest.fixture
def fuzz_world(owner, db, settings, wechat):
    """Throttles out of the way (they are proven in tests/abuse), the member's
    files in place, WeChat up (a local fake: the WeChat endpoints would answer 503
    without one); returns the member's session token."""
    data, token = owner
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": dict.fromkeys(rates, "100000/min"),
    }
    files_restore(data)
    cache.clear()
    # Like Django's test client: the handler must not close the test's connection
    # (its transaction) when a request ends.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield token
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
        cache.clear()


FUZZ_SETTINGS = settings(
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@FUZZ_SETTINGS
def test_anonymous_requests_never_fail_and_match_the_schema(case, fuzz_world):
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@FUZZ_SETTINGS
def test_member_requests_never_fail_and_match_the_schema(case, fuzz_world):
    case.call_and_validate(checks=CHECKS, headers={"X-Session-Token": fuzz_world})
