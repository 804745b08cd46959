"""Staff screens in the Wagtail admin: sign-in, members, the privacy queue."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from members.models import PrivacyRequest
from members.privacy.services import privacy_request_create
from tests.factories.members import PASSWORD, MemberFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client):
    staff = StaffFactory()
    staff.groups.add(Group.objects.get(name="Privacy Officer"))
    client.force_login(staff)
    return staff


def test_staff_still_sign_in_to_the_wagtail_admin(client):
    staff = StaffFactory(is_superuser=True)
    response = client.post(
        "/admin/login/", {"username": staff.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_five_groups_exist_with_their_permissions():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Translators", "Legal", "Sales", "Privacy Officer"} <= names
    sales = Group.objects.get(name="Sales").permissions.values_list(
        "codename", flat=True
    )
    assert {"access_admin", "view_member", "change_member"} <= set(sales)
    assert "change_user" not in sales
    officer = Group.objects.get(name="Privacy Officer").permissions.values_list(
        "codename", flat=True
    )
    assert {"view_privacyrequest", "change_privacyrequest"} <= set(officer)


def test_sales_staff_find_members_by_phone_and_company(client):
    sales = StaffFactory()
    sales.groups.add(Group.objects.get(name="Sales"))
    client.force_login(sales)
    wanted = MemberFactory(company_name="长城润滑采购部", phone="+8613511112222")
    MemberFactory(company_name="别的公司")
    for query in ("长城润滑", "13511112222"):
        page = client.get("/admin/members/", {"q": query}).content.decode()
        assert wanted.email in page and "别的公司" not in page
    # staff accounts are not members
    assert sales.email not in client.get("/admin/members/").content.decode()


def test_sales_staff_assign_a_members_customer_service(client):
    sales = StaffFactory()
    sales.groups.add(Group.objects.get(name="Sales"))
    client.force_login(sales)
    member = MemberFactory()
    response = client.post(
        f"/admin/members/edit/{member.pk}/",
        {
            "display_name": member.display_name,
            "phone": member.phone,
            "wechat_id": member.wechat_id,
            "qq": member.qq,
            "contact_address": "",
            "company_name": member.company_name,
            "company_address": "",
            "position": "",
            "preferred_language": "zh-hans",
            "customer_service": sales.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    member.refresh_from_db()
    assert member.customer_service == sales


def test_the_queue_highlights_overdue_requests_and_the_dashboard_counts_them(
    client, officer
):
    late = privacy_request_create(user=MemberFactory(), kind="access", details="x")
    PrivacyRequest.objects.filter(pk=late.pk).update(
        due_on=timezone.localdate() - datetime.timedelta(days=2)
    )
    privacy_request_create(user=MemberFactory(), kind="other", details="y")
    queue = client.get("/admin/privacy_requests/").content.decode()
    assert queue.count("已逾期") == 1  # the staff admin is Chinese
    overdue_only = client.get("/admin/privacy_requests/", {"overdue": "true"})
    assert f"/admin/privacy_requests/edit/{late.pk}/" in overdue_only.content.decode()
    dashboard = client.get("/admin/").content.decode()
    assert "1 个请求已逾期。" in dashboard


def test_a_refusal_needs_a_reason_and_an_answer_emails_the_member(
    client, officer, django_capture_on_commit_callbacks
):
    member = MemberFactory()
    request = privacy_request_create(user=member, kind="deletion", details="x")
    url = f"/admin/privacy_requests/edit/{request.pk}/"
    response = client.post(url, {"status": "refused", "answer": ""})
    assert response.status_code == 200  # the form again, with the error
    assert "拒绝时必须说明理由。" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"status": "refused", "answer": "We must keep invoices 5 years."}
        )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "refused" and request.answered_by == officer
    assert [m.to for m in mail.outbox] == [[member.email]]


def test_nobody_adds_or_deletes_privacy_requests_in_the_admin(client):
    admin = StaffFactory(is_superuser=True)
    client.force_login(admin)
    request = privacy_request_create(user=MemberFactory(), kind="other", details="x")
    index = client.get("/admin/privacy_requests/").content.decode()
    assert "/admin/privacy_requests/add/" not in index
    assert client.get("/admin/privacy_requests/add/").status_code in (302, 403, 404)
    assert client.get(f"/admin/privacy_requests/delete/{request.pk}/").status_code in (
        302,
        403,
        404,
    )
    assert PrivacyRequest.objects.filter(pk=request.pk).exists()


def test_the_answer_goes_out_exactly_when_the_request_is_answered(
    client, officer, django_capture_on_commit_callbacks
):
    member = MemberFactory()
    request = privacy_request_create(user=member, kind="access", details="x")
    url = f"/admin/privacy_requests/edit/{request.pk}/"
    mail.outbox.clear()
    draft = {"status": "in_progress", "answer": "我们正在导出您的数据。"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, draft, follow=True)
    assert mail.outbox == []
    said = " ".join(str(m) for m in response.context["messages"])
    # Staff accounts work in Chinese: "…nothing was sent … completed or refused…"
    assert "未发送任何内容" in said and "已完成或已拒绝" in said
    done = {"status": "completed", "answer": "数据已通过邮件发送。"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, done, follow=True)
    assert [m.to for m in mail.outbox] == [[member.email]]
    said = " ".join(str(m) for m in response.context["messages"])
    assert "答复已通过邮件发送给会员" in said  # "the answer was e-mailed to the member"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {**done, "answer": "数据已发送（更正）。"})
    assert len(mail.outbox) == 1  # a correction is not sent again


def test_inspect_and_edit_show_the_same_shanghai_time_and_dashes_for_empty(
    client, officer
):
    request = privacy_request_create(user=MemberFactory(), kind="access", details="x")
    received = datetime.datetime(2026, 3, 2, 1, 30, tzinfo=datetime.UTC)
    PrivacyRequest.objects.filter(pk=request.pk).update(created_at=received)
    inspect = client.get(f"/admin/privacy_requests/inspect/{request.pk}/").text
    edit = client.get(f"/admin/privacy_requests/edit/{request.pk}/").text
    # 01:30 UTC is 09:30 in Shanghai
    assert "9:30" in inspect and "9:30" in edit
    assert "1:30" not in inspect
    cells = re.sub(r"\s+", "", inspect)
    assert ">None<" not in cells and ">—<" in cells
