"""The admin searches with the project's engine: the product and guide listings
and the global page search find Chinese words, grades and codes."""

import re

import pytest
from django.contrib.auth.models import Group

from tests.factories.members import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    staff = StaffFactory()
    staff.groups.add(Group.objects.get(name="Editors"))
    client.force_login(staff)
    return staff


def edit_links(response) -> set[int]:
    """The pages the listing links to for editing."""
    return {int(pk) for pk in re.findall(r"/admin/pages/(\d+)/edit/", response.text)}


@pytest.mark.parametrize(
    ("query", "wanted", "unwanted"),
    [
        ("液压油", {"hm46", "hv32"}, {"sp530", "ck4"}),
        ("抗磨液压油", {"hm46"}, {"sp530", "ck4"}),
        ("LP-HM46", {"hm46", "hm46_en"}, {"hv32"}),
        ("HM46", {"hm46", "hm46_en"}, {"hv32", "sp530"}),
        ("5w30", {"sp530", "sp530_en"}, {"hm46", "ck4"}),
    ],
)
def test_the_product_listing_and_page_search_find_what_an_editor_means(
    client, editor, shop, query, wanted, unwanted
):
    for url in ("/admin/product_pages/", "/admin/pages/search/"):
        response = client.get(url, {"q": query})
        assert response.status_code == 200
        found = edit_links(response)
        assert {getattr(shop, name).pk for name in wanted} <= found, url
        assert not {getattr(shop, name).pk for name in unwanted} & found, url


def test_the_guide_listing_finds_guides_in_chinese(client, editor, shop):
    found = edit_links(client.get("/admin/guide_pages/", {"q": "液压油"}))
    assert shop.guide.pk in found and shop.hm46.pk not in found


def test_a_draft_is_still_found_by_its_title(client, editor, shop):
    shop.ck4.unpublish()
    found = edit_links(client.get("/admin/pages/search/", {"q": "重负荷柴油机油"}))
    assert shop.ck4.pk in found
