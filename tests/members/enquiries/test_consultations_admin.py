"""The consultation inbox in the Wagtail admin: list, filter, search, assign,
reply (e-mailed), close — for the Sales group; and the read-only subscription
list."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from members.enquiries.services.consultations import (
    consultation_close,
    consultation_create,
)
from members.models import Consultation, ConsultationMessage, Subscription
from tests.factories.members import MemberFactory, StaffFactory

pytestmark = pytest.mark.django_db
INBOX = "/admin/consultations/"


@pytest.fixture
def sales(client):
    staff = StaffFactory()
    staff.groups.add(Group.objects.get(name="Sales"))
    client.force_login(staff)
    return staff


def visitor_question(message="有没有 46 号液压油？", **fields):
    fields.setdefault("name", "访客甲")
    fields.setdefault("email", "visitor@example.com")
    return consultation_create(user=None, message=message, **fields)


def test_sales_see_the_inbox_filtered_by_status_and_searched(client, sales):
    open_one = visitor_question("液压油现货")
    closed = consultation_close(consultation=visitor_question("齿轮油报价"))
    page = client.get(INBOX)
    assert page.status_code == 200
    assert "液压油现货" in page.text and "齿轮油报价" in page.text
    filtered = client.get(INBOX + "?status=closed")
    assert "齿轮油报价" in filtered.text and "液压油现货" not in filtered.text
    searched = client.get(INBOX + "?q=visitor%40example.com")
    assert searched.status_code == 200
    assert open_one.pk and closed.pk


def test_sales_assign_reply_and_close_and_the_asker_is_emailed(
    client, sales, django_capture_on_commit_callbacks
):
    consultation = visitor_question(locale="en", name="Ms Smith")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{INBOX}edit/{consultation.pk}/",
            {"assignee": sales.pk, "reply": "Yes, in 18 L pails.", "close": "on"},
        )
    assert response.status_code == 302, response.context["form"].errors
    consultation.refresh_from_db()
    assert consultation.assignee == sales and consultation.status == "closed"
    message = ConsultationMessage.objects.get()
    assert message.from_staff and message.author == sales
    [reply] = mail.outbox
    assert reply.to == ["visitor@example.com"]
    assert "Yes, in 18 L pails." in reply.body and "Dear Ms Smith" in reply.body


def test_a_reply_without_an_email_address_is_a_form_error(client, sales):
    consultation = visitor_question(email="", phone="13812345678")
    response = client.post(f"{INBOX}edit/{consultation.pk}/", {"reply": "您好"})
    assert response.status_code == 200
    assert "reply" in response.context["form"].errors
    assert not ConsultationMessage.objects.exists()


def test_staff_without_the_sales_group_cannot_open_the_inbox(client):
    client.force_login(StaffFactory())
    assert client.get(INBOX).status_code in (302, 403)


def test_nobody_adds_or_deletes_consultations_in_the_admin(client, sales):
    consultation = visitor_question()
    assert client.get(INBOX + "new/").status_code in (302, 403)
    client.post(f"{INBOX}delete/{consultation.pk}/")
    assert Consultation.objects.filter(pk=consultation.pk).exists()


def test_sales_see_the_subscription_list_read_only(client, sales):
    Subscription.objects.create(
        email="reader@example.com", topics=["new_products"], status="confirmed"
    )
    member = MemberFactory()
    Subscription.objects.create(email=member.email, user=member, topics=["guides_tips"])
    page = client.get("/admin/subscriptions/?status=confirmed")
    assert page.status_code == 200
    assert "reader@example.com" in page.text and member.email not in page.text
    sub = Subscription.objects.get(email="reader@example.com")
    assert client.get(f"/admin/subscriptions/inspect/{sub.pk}/").status_code == 200
    assert client.get(f"/admin/subscriptions/edit/{sub.pk}/").status_code in (302, 403)
