"""Sales work a procurement request in the admin inbox and the member reads the
outcome through the API; the privacy officer answers a privacy request and sees an
overdue one on the dashboard."""

from __future__ import annotations

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from members.enquiries.services.procurement import procurement_request_create
from members.models import PrivacyRequest
from members.privacy.services import privacy_request_create
from tests.e2e.journeys import admin_login, api_get, member_token, shot, staff_user
from tests.factories.members import PASSWORD as MEMBER_PASSWORD
from tests.factories.members import MemberFactory


def test_sales_assign_answer_and_quote_and_the_member_sees_it(page, server):
    member = MemberFactory(email="buyer@example.com", company_name="Huadong Plastics")
    request, _ = procurement_request_create(
        user=member,
        data={
            "title": "Hydraulic oil for injection moulding",
            "delivery_province": "上海",
            "delivery_city": "上海",
        },
        items=[{"description": "L-HM 46", "quantity": "20", "unit": "drum_200l"}],
    )
    sales = staff_user("sales@example.com", "Sales")
    sales.first_name, sales.last_name = "Mei", "Chen"
    sales.save()
    admin_login(page, server, "sales@example.com")

    page.goto(f"{server}/admin/procurement_requests/")
    page.get_by_role("link", name="Hydraulic oil for injection moulding").click()
    page.select_option("select[name=assignee]", str(sales.pk))
    page.select_option("select[name=new_status]", "processing")
    page.fill("textarea[name=reply]", "Thank you, we are checking stock in Shanghai.")
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_selector(".messages .success, .w-messages .success, [role=status]")

    page.goto(f"{server}/admin/procurement_requests/edit/{request.pk}/")
    page.select_option("select[name=new_status]", "quoted")
    page.fill("textarea[name=reply]", "Quote: 20 drums at 1,850 CNY each, 3 days.")
    page.get_by_role("button", name="Save").first.click()
    page.goto(f"{server}/admin/procurement_requests/edit/{request.pk}/")
    page.wait_for_selector("text=Quote: 20 drums")

    token = member_token(server, member.email, MEMBER_PASSWORD)
    response = api_get(server, f"/api/v1/me/procurement-requests/{request.pk}/", token)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "quoted"
    replies = [m["body"] for m in body["messages"] if m["from_sales"]]
    assert replies == [
        "Thank you, we are checking stock in Shanghai.",
        "Quote: 20 drums at 1,850 CNY each, 3 days.",
    ]
    assert [h["to_status"] for h in body["history"]][-2:] == ["processing", "quoted"]


def test_the_privacy_officer_answers_a_request_and_sees_an_overdue_one(page, server):
    member = MemberFactory(email="privacy-member@example.com")
    answered = privacy_request_create(
        user=member, kind="access", details="Please send me a copy of my data."
    )
    late = privacy_request_create(
        user=MemberFactory(), kind="deletion", details="Delete my old account."
    )
    PrivacyRequest.objects.filter(pk=late.pk).update(
        due_on=timezone.localdate() - datetime.timedelta(days=3)
    )
    staff_user("dpo@example.com", "Privacy Officer")
    admin_login(page, server, "dpo@example.com")

    expect(page.get_by_text("1 request is overdue.")).to_be_visible()
    shot(page, "privacy_officer_dashboard_overdue")

    page.goto(f"{server}/admin/privacy_requests/edit/{answered.pk}/")
    page.select_option("select[name=status]", "completed")
    page.fill("textarea[name=answer]", "A copy of your data was sent to you.")
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_url(f"{server}/admin/privacy_requests/**")

    token = member_token(server, member.email, MEMBER_PASSWORD)
    response = api_get(server, f"/api/v1/me/privacy-requests/{answered.pk}/", token)
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "completed"
    assert response.json()["answer"] == "A copy of your data was sent to you."

    page.goto(f"{server}/admin/")
    expect(page.get_by_text("1 request is overdue.")).to_be_visible()
    expect(page.get_by_text("1 open in total.")).to_be_visible()
