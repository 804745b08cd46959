"""``/api/v1/me/procurement-requests/``: create (idempotently), follow, cancel,
talk to sales; sales and the member are e-mailed in their languages."""

import pytest
from django.core import mail
from wagtail.models import Site

from cms.models import SiteSettings
from members.enquiries.services.procurement import (
    procurement_message_add,
    procurement_request_create,
    procurement_request_transition,
)
from members.models import ProcurementRequest, ProcurementStatusChange
from tests.factories.members import MemberFactory, StaffFactory
from tests.factories.pages import product_page

pytestmark = pytest.mark.django_db
URL = "/api/v1/me/procurement-requests/"
SALES = "sales@lubpur.example"


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
        "wanted_by": "2026-12-31",
        "budget": "150000.00",
        "notes": "请报含税价。",
    }
    data.update(changes)
    return data


@pytest.fixture(autouse=True)
def sales_inbox(db):
    site = Site.objects.get(is_default_site=True)
    row = SiteSettings.for_site(site)
    row.company_name = "超润"
    row.sales_email = SALES
    row.save()


def create(member, idempotency_key="", **changes):
    data = body(**changes)
    items = data.pop("items")
    return procurement_request_create(
        user=member, data=data, items=items, idempotency_key=idempotency_key
    )[0]


def test_a_member_submits_a_request_and_sales_are_emailed(
    member_client, tree, django_capture_on_commit_callbacks
):
    product = product_page(tree, "LP-HM46")
    items = [
        {"product": product.pk, "quantity": "2", "unit": "t"},
        {
            "description": "齿轮油",
            "grade": "CKD 220",
            "quantity": "10",
            "unit": "pail_18l",
        },
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(URL, body(items=items), format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    member = member_client.member
    assert data["status"] == "submitted" and data["submitted_at"]
    assert [i["product"] for i in data["items"]] == [product.pk, None]
    assert (data["contact_name"], data["contact_email"], data["company_name"]) == (
        member.display_name,
        member.email,
        member.company_name,
    )
    assert [(h["from_status"], h["to_status"]) for h in data["history"]] == [
        ("", "draft"),
        ("draft", "submitted"),
    ]
    sales = [m for m in mail.outbox if m.to == [SALES]]
    assert len(sales) == 1 and "液压油年度采购" in sales[0].subject
    assert f"/admin/procurement_requests/edit/{data['id']}/" in sales[0].body
    to_member = [m for m in mail.outbox if m.to == [member.email]]
    assert "已提交" in to_member[0].subject


def test_contact_details_given_replace_the_profile_defaults(member_client):
    response = member_client.post(
        URL, body(contact_name="李采购", contact_phone="+8613900000000"), format="json"
    )
    assert response.json()["contact_name"] == "李采购"
    assert response.json()["contact_phone"] == "+8613900000000"


@pytest.mark.parametrize(
    ("changes", "attr"),
    [
        ({"items": []}, "items"),
        ({"items": [{"quantity": "1", "unit": "L"}]}, "items.0.description"),
        (
            {"items": [{"description": "x", "quantity": "0", "unit": "L"}]},
            "items.0.quantity",
        ),
        (
            {"items": [{"description": "x", "quantity": "1", "unit": "barrel"}]},
            "items.0.unit",
        ),
        (
            {"items": [{"product": 999999, "quantity": "1", "unit": "L"}]},
            "items.0.product",
        ),
        ({"title": ""}, "title"),
        ({"budget": "-1"}, "budget"),
        ({"wanted_by": "soon"}, "wanted_by"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(member_client, changes, attr):
    response = member_client.post(URL, body(**changes), format="json")
    assert response.status_code == 400, response.json()
    assert response["Content-Type"] == "application/problem+json"
    assert attr in [e["attr"] for e in response.json()["errors"]]
    assert not ProcurementRequest.objects.exists()


def test_a_retry_with_the_same_idempotency_key_returns_the_first_request(
    member_client,
):
    first = member_client.post(URL, body(), format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = member_client.post(URL, body(), format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    other = member_client.post(URL, body(), format="json", HTTP_IDEMPOTENCY_KEY="k-2")
    assert (first.status_code, again.status_code, other.status_code) == (201, 200, 201)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["title"] == "液压油年度采购"
    assert ProcurementRequest.objects.count() == 2


def test_another_member_may_use_the_same_key_and_never_sees_my_request(
    member_client,
):
    mine = member_client.post(URL, body(), format="json", HTTP_IDEMPOTENCY_KEY="k")
    theirs = create(MemberFactory(), title="别人的")
    assert member_client.get(f"{URL}{theirs.pk}/").status_code == 404
    assert (
        member_client.post(
            f"{URL}{theirs.pk}/status/", {"status": "cancelled"}
        ).status_code
        == 404
    )
    assert (
        member_client.post(f"{URL}{theirs.pk}/messages/", {"body": "hi"}).status_code
        == 404
    )
    listed = member_client.get(URL).json()["results"]
    assert [r["id"] for r in listed] == [mine.json()["id"]]


def test_a_create_that_loses_the_race_returns_the_winners_request(
    member_client, monkeypatch
):
    """Both retries passed the look-up before either inserted: the unique
    constraint refuses the second INSERT and the first request comes back."""
    first = create(member_client.member, idempotency_key="race")
    real_filter = ProcurementRequest.objects.filter
    calls = []

    def blind_once(*args, **kwargs):
        calls.append(kwargs)
        found = real_filter(*args, **kwargs)
        return found.none() if len(calls) == 1 else found

    monkeypatch.setattr(ProcurementRequest.objects, "filter", blind_once)
    data = body()
    items = data.pop("items")
    again, created = procurement_request_create(
        user=member_client.member, data=data, items=items, idempotency_key="race"
    )
    assert (again.pk, created) == (first.pk, False)
    assert ProcurementRequest.objects.count() == 1


def test_a_draft_is_submitted_later_and_cancelled_before_it_is_quoted(
    member_client,
):
    draft = member_client.post(URL, body(submit=False), format="json").json()
    assert draft["status"] == "draft"
    url = f"{URL}{draft['id']}/status/"
    assert (
        member_client.post(url, {"status": "submitted"}).json()["status"] == "submitted"
    )
    cancelled = member_client.post(url, {"status": "cancelled"})
    assert cancelled.json()["status"] == "cancelled"
    again = member_client.post(url, {"status": "cancelled"})
    assert again.status_code == 409
    assert again.json()["code"] == "invalid_transition"


def test_a_quoted_request_cannot_be_cancelled_by_the_member(member_client):
    request = create(member_client.member)
    staff = StaffFactory()
    for status in ("processing", "quoted"):
        procurement_request_transition(
            request=request, to_status=status, actor=staff, by_staff=True
        )
    response = member_client.post(f"{URL}{request.pk}/status/", {"status": "cancelled"})
    assert response.status_code == 409
    assert (
        member_client.post(
            f"{URL}{request.pk}/status/", {"status": "closed"}
        ).status_code
        == 400
    )
    history = ProcurementStatusChange.objects.filter(request=request)
    assert [(h.to_status, h.changed_by_id) for h in history][-2:] == [
        ("processing", staff.pk),
        ("quoted", staff.pk),
    ]


def test_every_status_change_and_reply_is_emailed_in_the_members_language(
    member_client, django_capture_on_commit_callbacks
):
    member = member_client.member
    member.preferred_language = "en"
    member.save()
    request = create(member)
    staff = StaffFactory()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        procurement_request_transition(
            request=request, to_status="processing", actor=staff, by_staff=True
        )
        procurement_message_add(
            request=request, author=staff, body="Quote attached.", from_staff=True
        )
    subjects = [m.subject for m in mail.outbox if m.to == [member.email]]
    assert len(subjects) == 2
    assert "is now: Processing" in subjects[0]
    assert "A reply on your procurement request" in subjects[1]
    thread = member_client.get(f"{URL}{request.pk}/messages/").json()
    assert [(m["from_sales"], m["body"]) for m in thread] == [(True, "Quote attached.")]


def test_a_members_message_reaches_sales_and_the_assignee(
    member_client, django_capture_on_commit_callbacks
):
    request = create(member_client.member)
    request.assignee = StaffFactory()
    request.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(
            f"{URL}{request.pk}/messages/", {"body": "能否提前交货？"}
        )
    assert response.status_code == 201
    assert sorted(m.to[0] for m in mail.outbox if "留言" in m.subject) == sorted(
        [SALES, request.assignee.email]
    )
    assert (
        member_client.post(f"{URL}{request.pk}/messages/", {"body": " "}).status_code
        == 400
    )


@pytest.mark.parametrize("count", [5, 50])
def test_the_list_takes_the_same_queries_for_5_or_50_requests(
    member_client, count, django_assert_max_num_queries
):
    for _ in range(count):
        create(member_client.member)
    with django_assert_max_num_queries(4):
        response = member_client.get(URL + "?page_size=100")
    assert response.json()["count"] == count
