"""Favorites, footprints and downloads are in the member's export and go with the
account."""

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Collection

from cms.models import CustomDocument
from members.accounts.services import member_cancel
from members.activity.services import (
    download_record_create,
    favorite_add,
    footprint_record,
)
from members.models import DownloadRecord, Favorite, Footprint
from members.privacy.services import member_data_export
from tests.factories.members import PASSWORD, MemberFactory
from tests.factories.pages import product_page

pytestmark = pytest.mark.django_db


def test_the_trail_is_exported_and_erased_on_cancellation(tree):
    member, bystander = MemberFactory(), MemberFactory()
    product = product_page(tree, "LP-1")
    doc = CustomDocument.objects.create(
        title="TDS",
        file=ContentFile(b"%PDF-1.4", name="tds.pdf"),
        collection=Collection.get_first_root_node(),
    )
    for user in (member, bystander):
        favorite_add(user=user, page_id=product.pk)
        footprint_record(user=user, page=product)
        download_record_create(user=user, document=doc)

    data = member_data_export(user=member)["data"]
    assert data["members.Favorite"][0]["page_id"] == product.pk
    assert data["members.Footprint"][0]["view_count"] == 1
    assert data["members.DownloadRecord"][0]["document_title"] == "TDS"

    member_cancel(user=member, password=PASSWORD)
    for model in (Favorite, Footprint, DownloadRecord):
        assert not model.objects.filter(user=member).exists()
        assert model.objects.filter(user=bystander).exists()


def test_consultations_and_subscriptions_are_exported_and_erased_by_user_and_address(
    tree, django_capture_on_commit_callbacks
):
    from legal.models import ConsentRecord
    from members.enquiries.services.consultations import (
        consultation_create,
        consultation_message_add,
    )
    from members.models import (
        Consultation,
        ConsultationMessage,
        DigestDelivery,
        Subscription,
    )
    from members.subscriptions.consents import tracking_consent_set
    from tests.factories.members import StaffFactory
    from tests.frontend_api.test_me_export_and_cancel import columns_mentioning

    member = MemberFactory(email="li.unique.reader@example.com")
    bystander, staff = MemberFactory(), StaffFactory()
    mine = consultation_create(user=member, message="我的问题 unique-q")
    consultation_message_add(
        consultation=mine, author=staff, body="答复", from_staff=True
    )
    consultation_message_add(
        consultation=mine, author=member, body="追问 unique-f", from_staff=False
    )
    # asked as a visitor with the same address before signing up
    consultation_create(
        user=None, name="李", email="Li.Unique.Reader@example.com", message="早先的"
    )
    theirs = consultation_create(user=bystander, message="别人的")
    # subscribed as a visitor (keyed by the address only), with a digest sent
    sub = Subscription.objects.create(
        email=member.email, topics=["new_products"], status="confirmed"
    )
    DigestDelivery.objects.create(subscription=sub, item_count=2)
    tracking_consent_set(user=None, email=member.email, granted=True)
    other_sub = Subscription.objects.create(email=bystander.email, status="confirmed")

    data = member_data_export(user=member)["data"]
    assert len(data["members.Consultation"]) == 2
    assert {m["body"] for m in data["members.Consultation"][0]["messages"]} | {
        m["body"] for m in data["members.Consultation"][1]["messages"]
    } == {"答复", "追问 unique-f"}
    assert data["members.Subscription"][0]["email"] == member.email
    assert data["members.Subscription"][0]["digests"][0]["items"] == 2
    assert data["members.ConsultationMessage"][0]["body"] == "追问 unique-f"

    # The confirmation mail is queued after erasure and forgotten once sent.
    with django_capture_on_commit_callbacks(execute=True):
        member_cancel(user=member, password=PASSWORD)
    assert not Consultation.objects.exclude(pk=theirs.pk).exists()
    assert not ConsultationMessage.objects.exists()
    assert not Subscription.objects.exclude(pk=other_sub.pk).exists()
    assert not DigestDelivery.objects.exists()
    # the tracking consent stays as proof, under a pseudonym only
    assert ConsentRecord.objects.filter(purpose="email_tracking").count() == 1
    assert columns_mentioning(["li.unique.reader", "unique-q", "unique-f"]) == []
