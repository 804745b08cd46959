"""The consultation inbox in the Wagtail admin: assign to sales, reply by e-mail,
record an answer given by phone."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from members.enquiries.services.consultations import consultation_create
from members.models import Consultation, ConsultationMessage
from tests.factories.members import StaffFactory

pytestmark = pytest.mark.django_db
INBOX = "/admin/consultations/"


@pytest.fixture
def sales(client):
    staff = StaffFactory()
    staff.groups.add(Group.objects.get(name="Sales"))
    client.force_login(staff)
    return staff


def phone_only():
    return consultation_create(
        user=None, name="王经理", phone="13812345678", message="有 200L 桶装吗？"
    )


def test_a_reply_to_a_phone_only_asker_asks_to_record_the_call(client, sales):
    consultation = phone_only()
    response = client.post(
        f"{INBOX}edit/{consultation.pk}/", {"assignee": sales.pk, "reply": "有。"}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "+8613812345678" in str(form.errors["reply"])
    assert form["assignee"].value() == str(sales.pk)  # kept for the next try
    assert not ConsultationMessage.objects.exists()


def test_sales_record_an_answer_given_by_phone_and_nothing_is_emailed(
    client, sales, django_capture_on_commit_callbacks
):
    consultation = phone_only()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{INBOX}edit/{consultation.pk}/",
            {
                "assignee": sales.pk,
                "reply": "电话告知：有现货。",
                "given_offline": "on",
            },
        )
    assert response.status_code == 302, response.context["form"].errors
    consultation = Consultation.objects.get(pk=consultation.pk)
    assert (consultation.status, consultation.assignee) == ("answered", sales)
    message = ConsultationMessage.objects.get(consultation=consultation)
    assert message.from_staff and message.author == sales
    # only the assignment notice to the salesperson; nothing for the asker
    assert [m.to for m in mail.outbox] == [[sales.email]]


def test_the_assignee_list_holds_only_sales(client, sales):
    StaffFactory().groups.add(Group.objects.get(name="Editors"))
    consultation = phone_only()
    form = client.get(f"{INBOX}edit/{consultation.pk}/").context["form"]
    assert list(form.fields["assignee"].queryset) == [sales]
