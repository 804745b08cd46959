"""The rights matrix: every ``/api/v1/me/`` operation of the schema, in every consent
state, answers as the policy promises.

A member's rights — read, correct, delete, export, withdraw, unsubscribe, file
privacy requests, cancel — work whether their consent is current, pending a new
material version, or withdrawn; only new collection answers 403
``consent_required`` (PIPL art. 44-47). The operations are read from the schema the
code generates, so a new one without a row here fails
``test_every_member_operation_is_in_the_matrix``. Member A's data is made once for
the module (``member_with_data``); each test puts A in one consent state inside its
own savepoint and replays the operation as A (with the replays of
``tests/authz/resources.py``).

The README's rights matrix is this table.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache

from legal.models import PolicyVersion
from legal.services import consent_withdraw
from tests.authz.resources import AUTHZ_PHONE_CODE, FACTORIES
from tests.authz.test_object_authorization import _send, _sign_in
from tests.factories.member_data import (
    files_restore,
    member_with_data,
)
from tests.factories.shared import rows_for_the_module
from tests.frontend_api.consents import publish

STATES = ("current", "pending", "withdrawn")
ME = "/api/v1/me"

# kind: "read" and "right" answer the same in every state; "collect" is refused
# (403) while consent is pending or withdrawn. The status is what A's replay gets
# with consent current.
READ, RIGHT, COLLECT = "read", "right", "collect"
MATRIX: dict[tuple[str, str], tuple[str, int]] = {
    ("GET", f"{ME}/"): (READ, 200),
    ("PATCH", f"{ME}/"): (RIGHT, 200),  # correcting what was given
    ("DELETE", f"{ME}/"): (RIGHT, 204),  # cancelling the account
    # A owns an avatar: replacing it is correcting (a first one is collection:
    # test_a_first_avatar_is_new_collection below).
    ("PUT", f"{ME}/avatar/"): (RIGHT, 200),
    ("GET", f"{ME}/avatar/{{size}}/"): (READ, 200),
    ("DELETE", f"{ME}/avatar/"): (RIGHT, 204),
    ("GET", f"{ME}/consents/"): (READ, 200),
    ("POST", f"{ME}/consents/"): (RIGHT, 201),  # consenting (again)
    ("POST", f"{ME}/consents/withdraw/"): (RIGHT, 201),
    ("GET", f"{ME}/consents/purposes/"): (READ, 200),
    ("PUT", f"{ME}/consents/purposes/{{purpose}}/"): (RIGHT, 200),
    ("GET", f"{ME}/downloads/"): (READ, 200),
    ("DELETE", f"{ME}/downloads/"): (RIGHT, 204),
    ("DELETE", f"{ME}/downloads/{{id}}/"): (RIGHT, 204),
    ("GET", f"{ME}/export/"): (READ, 200),
    ("GET", f"{ME}/favorites/"): (READ, 200),
    ("POST", f"{ME}/favorites/"): (COLLECT, 200),
    ("DELETE", f"{ME}/favorites/{{page_id}}/"): (RIGHT, 204),
    ("GET", f"{ME}/footprints/"): (READ, 200),
    ("DELETE", f"{ME}/footprints/"): (RIGHT, 204),
    ("DELETE", f"{ME}/footprints/{{id}}/"): (RIGHT, 204),
    ("GET", f"{ME}/notices/"): (READ, 200),
    ("POST", f"{ME}/notices/{{id}}/read/"): (RIGHT, 200),
    ("GET", f"{ME}/privacy-requests/"): (READ, 200),
    ("POST", f"{ME}/privacy-requests/"): (RIGHT, 201),
    ("GET", f"{ME}/privacy-requests/{{id}}/"): (READ, 200),
    ("GET", f"{ME}/procurement-requests/"): (READ, 200),
    ("POST", f"{ME}/procurement-requests/"): (COLLECT, 201),
    ("GET", f"{ME}/procurement-requests/{{id}}/"): (READ, 200),
    ("DELETE", f"{ME}/procurement-requests/{{id}}/"): (RIGHT, 204),
    ("POST", f"{ME}/procurement-requests/{{id}}/attachments/"): (COLLECT, 201),
    ("GET", f"{ME}/procurement-requests/{{id}}/attachments/{{attachment_pk}}/"): (
        READ,
        200,
    ),
    ("GET", f"{ME}/procurement-requests/{{id}}/messages/"): (READ, 200),
    ("POST", f"{ME}/procurement-requests/{{id}}/messages/"): (COLLECT, 201),
    ("POST", f"{ME}/procurement-requests/{{id}}/status/"): (RIGHT, 200),  # cancel
    ("GET", f"{ME}/consultations/"): (READ, 200),
    ("GET", f"{ME}/consultations/{{id}}/"): (READ, 200),
    ("DELETE", f"{ME}/consultations/{{id}}/"): (RIGHT, 204),
    ("POST", f"{ME}/consultations/{{id}}/messages/"): (COLLECT, 201),
    ("GET", f"{ME}/wechat/"): (READ, 200),
    ("POST", f"{ME}/wechat/"): (COLLECT, 201),  # binding a WeChat identity
    ("DELETE", f"{ME}/wechat/{{id}}/"): (RIGHT, 204),  # unbinding it
    ("POST", f"{ME}/wechat/phone/"): (COLLECT, 204),  # a phone from WeChat
    ("GET", f"{ME}/subscriptions/"): (READ, 200),
    ("PUT", f"{ME}/subscriptions/"): (RIGHT, 200),  # unsubscribing
}


def member_operations() -> list[tuple[str, str]]:
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    return [
        (method.upper(), path)
        for path, item in schema["paths"].items()
        if path.startswith(f"{ME}/")
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    ]


OPERATIONS = member_operations()


def expected(kind: str, status: int, state: str) -> int:
    if kind == COLLECT and state != "current":
        return 403
    return status


@pytest.fixture(scope="module")
def owner_data(django_db_setup, django_db_blocker):
    with rows_for_the_module(django_db_blocker):
        yield member_with_data("rights")


@pytest.fixture
def owner(owner_data, db, wechat):
    # POST /me/wechat/phone/ asks WeChat for a number: the fake answers A's own.
    wechat.reuse_codes = True
    wechat.add_phone(AUTHZ_PHONE_CODE, owner_data.member.phone.removeprefix("+86"))
    files_restore(owner_data)
    cache.clear()
    yield owner_data
    cache.clear()


def put_in_state(owner, state: str) -> None:
    policy = PolicyVersion.objects.get(policy__slug="privacy").policy
    if state == "pending":
        publish(policy)
    elif state == "withdrawn":
        consent_withdraw(user=owner.member, policy=policy, channel="web")


def test_every_member_operation_is_in_the_matrix():
    missing = set(OPERATIONS) - set(MATRIX)
    assert not missing, (
        f"add {sorted(missing)} to MATRIX in {__name__}: is it a right (works in "
        "every consent state) or new collection (403 consent_required unless "
        "consent is current)?"
    )
    stale = set(MATRIX) - set(OPERATIONS)
    assert not stale, f"MATRIX rows for operations the schema no longer has: {stale}"


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize(
    ("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS]
)
def test_each_operation_answers_as_the_matrix_says(owner, method, path, state):
    kind, status = MATRIX[(method, path)]
    headers = _sign_in(owner.member.email)
    put_in_state(owner, state)
    replay = FACTORIES[(method, path)](owner)
    if (method, path) == ("POST", f"{ME}/consents/"):
        current = PolicyVersion.objects.filter(policy__slug="privacy").first()
        replay.json = {"policy": "privacy", "version": current.label}
    if (method, path) == ("POST", f"{ME}/consents/withdraw/") and state == "withdrawn":
        status = 409  # nothing accepted to withdraw: not a gate, a fact
    response = _send(method, path, replay, headers)
    want = expected(kind, status, state)
    assert response.status_code == want, (
        f"{method} {path} with consent {state}: {response.status_code}, expected "
        f"{want} ({kind}): {response.content[:300]!r}"
    )
    if want == 403:
        assert response.json()["code"] == "consent_required"
        assert response.json()["pending_policies"][0]["policy"] == "privacy"


@pytest.mark.parametrize("state", ["pending", "withdrawn"])
def test_a_first_avatar_is_new_collection(owner, state):
    headers = _sign_in(owner.member.email)
    put_in_state(owner, state)
    replay = FACTORIES[("PUT", f"{ME}/avatar/")](owner)
    removed = _send(
        "DELETE",
        f"{ME}/avatar/",
        FACTORIES[("DELETE", f"{ME}/avatar/")](owner),
        headers,
    )
    assert removed.status_code == 204  # deleting is a right in every state
    response = _send("PUT", f"{ME}/avatar/", replay, headers)
    assert response.status_code == 403, response.content[:300]
    assert response.json()["code"] == "consent_required"
