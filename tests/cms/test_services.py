"""site_tree_ensure: the per-locale page tree every other feature relies on."""

import pytest
from wagtail.models import Page, Site

from cms.models import HomePage
from cms.services import site_tree_ensure
from products.models import GuideIndexPage, ProductIndexPage

pytestmark = pytest.mark.django_db


def test_site_tree_ensure_makes_an_english_home_that_translates_the_chinese_one():
    homes = site_tree_ensure()

    zh, en = homes["zh-hans"], homes["en"]
    assert zh.locale.language_code == "zh-hans"
    assert en.locale.language_code == "en"
    assert en.translation_key == zh.translation_key
    assert en.get_parent().depth == 1 and zh.get_parent().depth == 1
    assert en.live and zh.live
    assert Site.objects.get(is_default_site=True).root_page_id == zh.pk


def test_each_home_has_a_live_products_and_guides_section_linked_across_locales():
    homes = site_tree_ensure()

    for code, home in homes.items():
        products = ProductIndexPage.objects.child_of(home).get()
        guides = GuideIndexPage.objects.child_of(home).get()
        assert (products.slug, guides.slug) == ("products", "guides")
        assert products.live and guides.live
        assert products.locale.language_code == code
    zh_products = ProductIndexPage.objects.get(locale__language_code="zh-hans")
    en_products = ProductIndexPage.objects.get(locale__language_code="en")
    assert zh_products.translation_key == en_products.translation_key


def test_site_tree_ensure_twice_creates_nothing_new():
    first = site_tree_ensure()
    pages = Page.objects.count()

    second = site_tree_ensure()

    assert Page.objects.count() == pages
    assert {k: v.pk for k, v in first.items()} == {k: v.pk for k, v in second.items()}


def test_site_tree_ensure_rebuilds_a_missing_english_section():
    site_tree_ensure()
    ProductIndexPage.objects.get(locale__language_code="en").delete()

    site_tree_ensure()

    assert ProductIndexPage.objects.filter(locale__language_code="en").count() == 1
    assert HomePage.objects.count() == 2


def test_the_returned_homes_are_current_so_publishing_them_keeps_their_sections():
    homes = site_tree_ensure()

    for home in homes.values():
        home.save_revision().publish()
        fresh = HomePage.objects.get(pk=home.pk)
        sections = fresh.get_children().live().in_menu()
        assert {page.slug for page in sections} == {"products", "guides"}
