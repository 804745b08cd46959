"""Favorites, footprints and downloads are in the member's export and go with the
account."""

import pytest
from django.core.files.base import ContentFile
from wagtail.models import Collection

from cms.models import CustomDocument
from members.models import DownloadRecord, Favorite, Footprint
from members.services import (
    download_record_create,
    favorite_add,
    footprint_record,
    member_cancel,
    member_data_export,
)
from tests.factories.members import PASSWORD, MemberFactory

from .pages import product_page

pytestmark = pytest.mark.django_db


def test_the_trail_is_exported_and_erased_on_cancellation(homes):
    member, bystander = MemberFactory(), MemberFactory()
    product = product_page(homes, "LP-1")
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
