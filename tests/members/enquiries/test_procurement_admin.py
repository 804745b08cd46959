"""The sales inbox in the Wagtail admin: list, filter, assign, move, reply, CSV."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from core.errors import Conflict
from members.enquiries import admin
from members.enquiries.services.procurement import procurement_request_create
from members.models import ProcurementMessage, ProcurementRequest
from tests.factories.members import MemberFactory, StaffFactory

pytestmark = pytest.mark.django_db
INBOX = "/admin/procurement_requests/"


@pytest.fixture
def sales(client):
    staff = StaffFactory()
    staff.groups.add(Group.objects.get(name="Sales"))
    client.force_login(staff)
    return staff


def rfq(title="液压油采购", **data):
    member = data.pop("member", None) or MemberFactory()
    return procurement_request_create(
        user=member,
        data={"title": title, "delivery_province": "上海市", "delivery_city": "上海市"},
        items=[{"description": "机油", "quantity": "1", "unit": "t"}],
        **data,
    )[0]


def test_sales_see_the_inbox_filtered_by_status_without_members_drafts(client, sales):
    submitted, draft = rfq("已提交的"), rfq("草稿的", submit=False)
    quoted = rfq("已报价的")
    ProcurementRequest.objects.filter(pk=quoted.pk).update(status="quoted")
    page = client.get(INBOX)
    assert page.status_code == 200
    assert submitted.title in page.text and draft.title not in page.text
    filtered = client.get(INBOX + "?status=quoted")
    assert quoted.title in filtered.text and submitted.title not in filtered.text
    assert client.get(f"{INBOX}edit/{draft.pk}/").status_code == 404


def test_the_status_list_offers_only_the_moves_allowed_now(client, sales):
    request = rfq()
    form = client.get(f"{INBOX}edit/{request.pk}/").context["form"]
    offered = [value for value, _label in form.fields["new_status"].choices]
    assert offered == ["", "processing", "quoted"]  # a quote needs one save
    ProcurementRequest.objects.filter(pk=request.pk).update(status="closed")
    form = client.get(f"{INBOX}edit/{request.pk}/").context["form"]
    assert form.fields["new_status"].disabled


def test_assignees_are_the_sales_group(client, sales):
    editor = StaffFactory()
    editor.groups.add(Group.objects.get(name="Editors"))
    request = rfq()
    form = client.get(f"{INBOX}edit/{request.pk}/").context["form"]
    assert list(form.fields["assignee"].queryset) == [sales]
    response = client.post(f"{INBOX}edit/{request.pk}/", {"assignee": editor.pk})
    assert "assignee" in response.context["form"].errors


def test_a_refused_move_keeps_the_assignment_on_the_form(client, sales, monkeypatch):
    request = rfq()
    url = f"{INBOX}edit/{request.pk}/"
    sent = {"assignee": sales.pk, "new_status": "closed", "reply": "稍后回复"}
    # a move not offered from "submitted"
    response = client.post(url, sent)
    assert response.status_code == 200
    form = response.context["form"]
    assert "new_status" in form.errors
    assert form["assignee"].value() == str(sales.pk)
    assert form["reply"].value() == "稍后回复"

    # another salesperson moved it between validation and saving: the service
    # refuses, the whole save rolls back and the form comes back as sent
    def moved_meanwhile(**kwargs):
        raise Conflict("A quoted request cannot become processing.")

    monkeypatch.setattr(admin, "procurement_request_transition", moved_meanwhile)
    response = client.post(url, {**sent, "new_status": "processing"})
    assert response.status_code == 200
    form = response.context["form"]
    assert "new_status" in form.errors
    assert form["assignee"].value() == str(sales.pk)
    assert ProcurementRequest.objects.get(pk=request.pk).assignee is None


def test_sales_assign_move_and_reply_and_the_member_is_emailed(
    client, sales, django_capture_on_commit_callbacks
):
    request = rfq()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{INBOX}edit/{request.pk}/",
            {"assignee": sales.pk, "new_status": "processing", "reply": "已收到。"},
        )
    assert response.status_code == 302, response.context["form"].errors
    request.refresh_from_db()
    assert (request.status, request.assignee) == ("processing", sales)
    assert request.history.last().changed_by == sales
    assert ProcurementMessage.objects.get(request=request).from_staff
    assert len([m for m in mail.outbox if m.to == [request.user.email]]) == 2


def test_an_invalid_move_is_a_form_error_and_changes_nothing(client, sales):
    request = rfq()
    response = client.post(f"{INBOX}edit/{request.pk}/", {"new_status": "closed"})
    assert response.status_code == 200
    assert "new_status" in response.context["form"].errors
    assert ProcurementRequest.objects.get(pk=request.pk).status == "submitted"


def test_sales_export_the_inbox_as_csv(client, sales):
    rfq("出口CSV")
    response = client.get(INBOX + "?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "出口CSV" in content


def test_members_cannot_open_the_inbox(client):
    client.force_login(MemberFactory())
    assert client.get(INBOX).status_code in (302, 403)
