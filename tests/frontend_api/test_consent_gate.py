"""The consent gate: while a material policy version awaits the member's consent,
new collection answers 403 ``consent_required`` with the pending policies; the
member's rights (reading, correcting, deleting, consents, privacy requests,
unsubscribing, cancellation, signing out) still work. Every operation in every
state: ``test_rights_matrix.py``."""

import pytest

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
policy = consent_fixtures.policy


@pytest.fixture
def member(policy):
    member = MemberFactory(position="")  # a blank field to fill
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
    ("patch", "/api/v1/me/", {"position": "经理"}),  # a blank field filled
    ("post", "/api/v1/me/favorites/", {"page": 1}),
    ("put", "/api/v1/me/subscriptions/", {"topics": ["new_products"]}),
    ("post", "/api/v1/me/procurement-requests/", {"title": "液压油"}),
    ("post", "/api/v1/me/procurement-requests/1/messages/", {"body": "您好"}),
    ("post", "/api/v1/me/procurement-requests/1/status/", {"status": "submitted"}),
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
            "change_summary": "",
        }
    ]


def test_nothing_is_changed_by_a_refused_write(member_client, member, pending):
    response = member_client.patch(
        "/api/v1/me/", {"display_name": "新名字", "position": "经理"}, format="json"
    )
    assert response.status_code == 403
    member.refresh_from_db()
    assert member.display_name != "新名字" and member.position == ""


def test_correcting_and_clearing_stay_open_while_consent_is_pending(
    member_client, member, pending
):
    member.company_name = "旧公司"
    member.save()
    corrected = member_client.patch(
        "/api/v1/me/",
        {"company_name": "新公司", "display_name": "", "record_footprints": False},
        format="json",
    )
    assert corrected.status_code == 200
    member.refresh_from_db()
    assert member.company_name == "新公司" and not member.record_footprints


def test_unsubscribing_and_dropping_topics_stay_open(member_client, member, pending):
    from members.subscriptions import services as subscriptions

    subscriptions.member_subscription_update(
        user=member, topics=["new_products", "special_offers"]
    )
    fewer = member_client.put(
        "/api/v1/me/subscriptions/", {"topics": ["new_products"]}, format="json"
    )
    assert fewer.status_code == 200
    more = member_client.put(
        "/api/v1/me/subscriptions/",
        {"topics": ["new_products", "guides_tips"]},
        format="json",
    )
    assert more.status_code == 403
    tracking = member_client.put(
        "/api/v1/me/subscriptions/",
        {"topics": [], "tracking_consent": True},
        format="json",
    )
    assert tracking.status_code == 403
    none = member_client.put("/api/v1/me/subscriptions/", {"topics": []}, format="json")
    assert none.status_code == 200 and none.json()["status"] == "unsubscribed"


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
    profile = member_client.patch("/api/v1/me/", {"position": "经理"}, format="json")
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
