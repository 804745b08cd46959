"""``Idempotency-Key`` on ``POST /api/v1/me/procurement-requests/``: a retry of the
same request gets the first answer; the same key with another body is a 422
problem (``idempotency_key_reused``), never a silent replay of the first."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from members.enquiries.services.procurement import procurement_request_create
from members.models import ProcurementRequest
from tests.factories.members import MemberFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/me/procurement-requests/"


def body(**changes):
    data = {
        "title": "液压油年度采购",
        "items": [
            {
                "description": "抗磨液压油",
                "grade": "L-HM 46",
                "quantity": "40",
                "unit": "drum_200l",
            }
        ],
        "delivery_province": "江苏省",
        "delivery_city": "苏州市",
        "budget": "150000.00",
    }
    data.update(changes)
    return data


@pytest.fixture
def member_client(api_client, tree):
    cache.clear()  # throttles
    member = MemberFactory()
    api_client.force_authenticate(member)
    api_client.member = member
    return api_client


def post(client, data, key, **headers):
    return client.post(URL, data, format="json", HTTP_IDEMPOTENCY_KEY=key, **headers)


def test_a_retry_with_the_same_body_in_another_key_order_replays_the_first(
    member_client,
):
    first = post(member_client, body(), "k-1")
    reordered = dict(reversed(list(body(budget="150000").items())))
    again = post(member_client, reordered, "k-1")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert ProcurementRequest.objects.count() == 1


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "另一个采购"},
        {"budget": "1.00"},
        {"submit": False},
        {"items": [{"description": "齿轮油", "quantity": "1", "unit": "drum_200l"}]},
    ],
    ids=["title", "budget", "submit", "items"],
)
def test_the_same_key_with_another_body_is_a_422_problem(member_client, changes):
    first = post(member_client, body(), "k-1")
    reused = post(member_client, body(**changes), "k-1", HTTP_ACCEPT_LANGUAGE="en")
    assert reused.status_code == 422, reused.content
    assert reused["Content-Type"] == "application/problem+json"
    problem = reused.json()
    assert problem["code"] == "idempotency_key_reused"
    assert problem["status"] == 422
    assert problem["title"] == "Unprocessable request"
    assert ProcurementRequest.objects.get().pk == first.json()["id"]
    assert ProcurementRequest.objects.get().title == "液压油年度采购"


def test_the_problem_is_in_chinese_for_a_chinese_client(member_client):
    post(member_client, body(), "k-1")
    reused = post(
        member_client, body(title="另一个"), "k-1", HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert reused.status_code == 422
    assert "Idempotency-Key" in reused.json()["detail"]
    assert reused.json()["title"] != "Unprocessable request"


def test_a_key_is_per_member(member_client):
    post(member_client, body(), "shared")
    other = MemberFactory()
    data = body(title="别人的")
    items = data.pop("items")
    theirs, created = procurement_request_create(
        user=other, data=data, items=items, idempotency_key="shared"
    )
    assert created and theirs.title == "别人的"


def test_a_race_loser_with_another_body_gets_the_422_too(member_client, monkeypatch):
    """Both passed the look-up before either inserted; the loser sent a different
    body, so it is told so instead of receiving the winner's request."""
    member = member_client.member
    data = body()
    items = data.pop("items")
    procurement_request_create(
        user=member, data=data, items=items, idempotency_key="race"
    )
    real_filter = ProcurementRequest.objects.filter
    calls: list[dict] = []

    def blind_once(*args, **kwargs):
        calls.append(kwargs)
        found = real_filter(*args, **kwargs)
        return found.none() if len(calls) == 1 else found

    monkeypatch.setattr(ProcurementRequest.objects, "filter", blind_once)
    changed = body(title="另一个")
    changed_items = changed.pop("items")
    from core.errors import Unprocessable

    with pytest.raises(Unprocessable) as raised:
        procurement_request_create(
            user=member, data=changed, items=changed_items, idempotency_key="race"
        )
    assert raised.value.code == "idempotency_key_reused"
    assert ProcurementRequest.objects.count() == 1
