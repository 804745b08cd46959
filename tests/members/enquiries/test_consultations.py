"""Online consultation: visitors and members ask (rate limited), members follow
their threads, staff are e-mailed and the asker gets replies in their language."""

import pytest
from django.core import mail
from wagtail.models import Site

from cms.models import SiteSettings
from members.enquiries.services.consultations import (
    consultation_close,
    consultation_create,
    consultation_message_add,
)
from members.models import Consultation, ConsultationMessage
from tests.factories.members import MemberFactory, StaffFactory
from tests.factories.pages import product_page

pytestmark = pytest.mark.django_db
URL = "/api/v1/consultations/"
ME = "/api/v1/me/consultations/"
SALES = "sales@lubpur.example"


@pytest.fixture(autouse=True)
def sales_inbox(db):
    row = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    row.sales_email = SALES
    row.save()


def ask(**changes):
    return {
        "name": "陈先生",
        "email": "chen@example.com",
        "message": "CK-4 柴油机油有 18L 包装吗？",
        **changes,
    }


def test_a_visitor_asks_and_sales_are_emailed(
    api_client, tree, django_capture_on_commit_callbacks
):
    product = product_page(tree, "LP-CK4")
    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(
            URL, ask(product=product.pk, phone="13812345678"), format="json"
        )
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "open"
    consultation = Consultation.objects.get(reference=response.json()["reference"])
    assert consultation.user is None and consultation.product == product
    assert consultation.phone == "+8613812345678" and consultation.locale == "zh-hans"
    [to_sales] = mail.outbox
    assert to_sales.to == [SALES] and "陈先生" in to_sales.subject
    assert "LP-CK4" in to_sales.body and "18L" in to_sales.body
    assert f"/admin/consultations/edit/{consultation.pk}/" in to_sales.body


def test_a_member_asks_with_their_profile_as_contact(member_client):
    response = member_client.post(
        URL, {"message": "能开增值税专用发票吗？"}, format="json"
    )
    assert response.status_code == 201
    member = member_client.member
    consultation = Consultation.objects.get()
    assert consultation.user == member
    assert (consultation.name, consultation.email) == (
        member.display_name,
        member.email,
    )


@pytest.mark.parametrize(
    ("changes", "attr"),
    [
        ({"email": "", "phone": ""}, "email"),
        ({"email": "not-an-address"}, "email"),
        ({"email": "", "phone": "12345"}, "phone"),
        ({"message": ""}, "message"),
        ({"name": ""}, "name"),
        ({"product": 999999}, "product"),
        ({"locale": "fr"}, "locale"),
    ],
)
def test_bad_input_is_a_400_problem_naming_the_field(api_client, changes, attr):
    response = api_client.post(URL, ask(**changes), format="json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["status"] == 400 and problem["type"].startswith("urn:lubpur:")
    assert attr in [error["attr"] for error in problem["errors"]]
    assert not Consultation.objects.exists()


def test_a_draft_product_cannot_be_asked_about(api_client, tree):
    product = product_page(tree, "LP-DRAFT")
    product.unpublish()
    response = api_client.post(URL, ask(product=product.pk), format="json")
    assert response.status_code == 400


def test_a_filled_honeypot_is_answered_alike_and_kept_nowhere(api_client):
    response = api_client.post(URL, ask(website="http://spam.example"), format="json")
    assert response.status_code == 201 and response.json()["reference"]
    assert not Consultation.objects.exists() and mail.outbox == []


def test_the_n_plus_first_consultation_in_the_window_is_429_with_retry_after(
    api_client, settings
):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "consultation": "3/hour",
        },
    }
    codes = [api_client.post(URL, ask(), format="json").status_code for _ in range(4)]
    assert codes == [201, 201, 201, 429]
    response = api_client.post(URL, ask(), format="json")
    assert response.status_code == 429
    assert response.json()["status"] == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert Consultation.objects.count() == 3


def test_a_member_follows_the_thread_and_staff_reply_in_the_asked_language(
    member_client, django_capture_on_commit_callbacks
):
    member = member_client.member
    consultation = consultation_create(user=member, message="Flash point?", locale="en")
    staff = StaffFactory()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        consultation_message_add(
            consultation=consultation,
            author=staff,
            body="Above 220 °C.",
            from_staff=True,
        )
    [reply] = mail.outbox
    assert reply.to == [member.email]
    assert reply.subject.endswith("A reply to your question")
    assert "Above 220 °C." in reply.body and "My consultations" in reply.body

    detail = member_client.get(f"{ME}{consultation.pk}/").json()
    assert detail["status"] == "answered"
    assert [(m["from_staff"], m["body"]) for m in detail["messages"]] == [
        (True, "Above 220 °C.")
    ]

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(
            f"{ME}{consultation.pk}/messages/", {"body": "And the pour point?"}
        )
    assert response.status_code == 201
    assert member_client.get(f"{ME}{consultation.pk}/").json()["status"] == "open"
    assert [m.to for m in mail.outbox] == [[SALES]]
    assert "And the pour point?" in mail.outbox[0].body


def test_a_visitor_is_answered_in_chinese_by_default(
    django_capture_on_commit_callbacks,
):
    consultation = consultation_create(
        user=None, name="王女士", email="wang@example.com", message="有现货吗？"
    )
    with django_capture_on_commit_callbacks(execute=True):
        consultation_message_add(
            consultation=consultation,
            author=StaffFactory(),
            body="有现货。",
            from_staff=True,
        )
    reply = mail.outbox[-1]
    assert reply.to == ["wang@example.com"] and "您的咨询有了回复" in reply.subject
    assert "有现货。" in reply.body


def test_a_closed_consultation_takes_no_more_messages(member_client):
    consultation = consultation_create(user=member_client.member, message="价格？")
    consultation_close(consultation=consultation)
    response = member_client.post(f"{ME}{consultation.pk}/messages/", {"body": "喂？"})
    assert response.status_code == 409 and response.json()["code"] == "closed"
    assert not ConsultationMessage.objects.exists()


def test_a_blank_message_is_a_400(member_client):
    consultation = consultation_create(user=member_client.member, message="价格？")
    response = member_client.post(f"{ME}{consultation.pk}/messages/", {"body": " "})
    assert response.status_code == 400


def test_another_members_consultation_is_404(member_client):
    theirs = consultation_create(user=MemberFactory(), message="别人的问题")
    assert member_client.get(f"{ME}{theirs.pk}/").status_code == 404
    response = member_client.post(f"{ME}{theirs.pk}/messages/", {"body": "偷看"})
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert member_client.get(ME).json()["count"] == 0


def test_visitors_have_no_consultation_list(api_client):
    assert api_client.get(ME).status_code == 401


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_takes_the_same_queries_for_3_or_30_consultations(
    member_client, tree, count, django_assert_max_num_queries
):
    product = product_page(tree, "LP-Q")
    for index in range(count):
        consultation_create(
            user=member_client.member, message=f"问题 {index}", product_id=product.pk
        )
    with django_assert_max_num_queries(3):
        response = member_client.get(ME + "?page_size=100")
    data = response.json()
    assert data["count"] == count
    assert data["results"][0]["product"]["sku"] == "LP-Q"
