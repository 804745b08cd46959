"""The consent gate: while a material policy version awaits the member's consent,
member writes answer 403 ``consent_required`` with the pending policies; reads,
consents, privacy requests, cancellation and signing out still work."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from frontend_api.permissions import IsMember
from members.models import User
from tests.factories.members import PASSWORD, MemberFactory
from tests.frontend_api import consents as consent_fixtures
from tests.frontend_api.consents import (
    BROWSER,
    accept_current,
    publish,
)

pytestmark = pytest.mark.django_db

# The policy fixtures live with the legal tests; pytest finds them here too.
homes = consent_fixtures.homes
policy = consent_fixtures.policy


@pytest.fixture
def member(policy):
    member = MemberFactory()
    accept_current(member, policy)
    return member


@pytest.fixture
def pending(policy, member):
    """A material version the member has not accepted yet."""
    return publish(policy)


@pytest.fixture
def member_client(api_client, member):
    api_client.force_authenticate(member)
    return api_client


GATED_WRITES = [
    ("patch", "/api/v1/me/", {"display_name": "新名字"}),
    ("delete", "/api/v1/me/avatar/", None),
    ("post", "/api/v1/me/favorites/", {"page": 1}),
    ("delete", "/api/v1/me/favorites/1/", None),
    ("delete", "/api/v1/me/footprints/", None),
    ("post", "/api/v1/me/procurement-requests/", {"title": "液压油"}),
    ("post", "/api/v1/me/procurement-requests/1/messages/", {"body": "您好"}),
]


@pytest.mark.parametrize(("method", "url", "body"), GATED_WRITES)
def test_member_writes_are_refused_while_consent_is_pending(
    member_client, pending, method, url, body
):
    response = getattr(member_client, method)(url, body, format="json")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == "consent_required"
    assert problem["status"] == 403
    assert problem["pending_policies"] == [
        {
            "policy": "privacy",
            "version": pending.label,
            "title": pending.policy.title,
            "effective_date": pending.effective_date.isoformat(),
        }
    ]


def test_nothing_is_changed_by_a_refused_write(member_client, member, pending):
    member_client.patch("/api/v1/me/", {"display_name": "新名字"}, format="json")
    member.refresh_from_db()
    assert member.display_name != "新名字"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/me/",
        "/api/v1/me/favorites/",
        "/api/v1/me/footprints/",
        "/api/v1/me/procurement-requests/",
        "/api/v1/me/privacy-requests/",
        "/api/v1/me/consents/",
        "/api/v1/me/consents/purposes/",
        "/api/v1/me/export/",
    ],
)
def test_reading_still_works(member_client, pending, url):
    assert member_client.get(url).status_code == 200


def test_accepting_the_pending_version_lifts_the_gate(member_client, pending):
    accepted = member_client.post(
        "/api/v1/me/consents/",
        {"policy": "privacy", "version": pending.label},
        format="json",
    )
    assert accepted.status_code == 201
    profile = member_client.patch(
        "/api/v1/me/", {"display_name": "新名字"}, format="json"
    )
    assert profile.status_code == 200
    # Past the gate, the favorites endpoint validates its input again.
    favorite = member_client.post("/api/v1/me/favorites/", {"page": 0}, format="json")
    assert favorite.status_code == 400


def test_a_member_with_nothing_pending_is_not_gated(member_client):
    response = member_client.patch("/api/v1/me/", {"position": "经理"}, format="json")
    assert response.status_code == 200


def test_rights_and_consent_answers_stay_open(member_client, member, pending):
    request = member_client.post(
        "/api/v1/me/privacy-requests/",
        {"kind": "access", "details": "请导出我的数据"},
        format="json",
    )
    assert request.status_code == 201
    purpose = member_client.put(
        "/api/v1/me/consents/purposes/marketing_email/",
        {"granted": False},
        format="json",
    )
    assert purpose.status_code == 200
    withdrawn = member_client.post(
        "/api/v1/me/consents/withdraw/", {"policy": "privacy"}, format="json"
    )
    assert withdrawn.status_code == 201
    cancelled = member_client.delete(
        "/api/v1/me/", {"password": PASSWORD}, format="json"
    )
    assert cancelled.status_code == 204
    assert not User.objects.get(pk=member.pk).is_active


def test_signing_out_still_works(client, member, pending):
    client.force_login(member)
    assert client.delete(f"{BROWSER}/auth/session").status_code == 401
    assert client.get("/api/v1/me/").status_code == 401


# --- every member endpoint, today's and tomorrow's ---------------------------------

# The writes that stay open while consent is pending, and why (see permissions.py).
EXEMPT = {
    ("me/", "DELETE"),  # cancelling the account
    ("me/privacy-requests/", "POST"),  # exercising a privacy right
    ("me/consents/", "GET"),
    ("me/consents/", "POST"),  # answering: accepting a policy
    ("me/consents/withdraw/", "POST"),
    ("me/consents/purposes/<str:purpose>/", "PUT"),  # optional purposes
}


def _member_views(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _member_views(pattern, route)
        elif isinstance(pattern, URLPattern) and route.startswith("api/v1/me/"):
            yield route.removeprefix("api/v1/"), pattern.callback.cls


def test_every_member_endpoint_is_gated_with_only_the_listed_exemptions():
    views = dict(_member_views())
    assert "me/favorites/" in views and "me/procurement-requests/" in views
    exempt = set()
    for route, view in views.items():
        assert any(issubclass(p, IsMember) for p in view.permission_classes), route
        exempt |= {(route, m) for m in getattr(view, "consent_exempt_methods", ())}
    assert exempt == EXEMPT
