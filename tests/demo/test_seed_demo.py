"""seed_demo: a realistic bilingual catalogue, loaded through the importer, once."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page, Revision

from cms.models import HomePage, SiteSettings
from products.models import Brand, GuidePage, ProductCategory, ProductPage
from products.search.models import SearchDocument
from tests.factories.shared import rows_for_the_module

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "brands": Brand.objects.count(),
        "categories": ProductCategory.objects.count(),
    }


@pytest.fixture(scope="module")
def module_media(tmp_path_factory):
    return tmp_path_factory.mktemp("seed-demo-media")


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, module_media):
    """Seeded once for the module (it takes seconds); each test rolls back its own
    changes (tests/factories/shared.py)."""
    with override_settings(MEDIA_ROOT=module_media):
        with rows_for_the_module(django_db_blocker):
            call_command("seed_demo")
            yield


@pytest.fixture(autouse=True)
def _media_root(settings, module_media):
    """The packshots and data sheets seed_demo wrote, for every test here."""
    settings.MEDIA_ROOT = module_media


def test_seed_demo_loads_a_bilingual_catalogue_through_the_importer(seeded):
    zh = ProductPage.objects.filter(locale__language_code="zh-hans", live=True)
    en = ProductPage.objects.filter(locale__language_code="en", live=True)
    assert zh.count() >= 30
    assert set(en.values_list("translation_key", flat=True)) == set(
        zh.values_list("translation_key", flat=True)
    )
    assert Brand.objects.filter(locale__language_code="en").count() >= 5
    leaves = ProductCategory.objects.filter(
        locale__language_code="zh-hans", children__isnull=True
    )
    assert leaves.count() >= 8


def test_seed_demo_writes_guides_home_text_and_settings_in_both_languages(seeded):
    for code in ("zh-hans", "en"):
        guides = GuidePage.objects.filter(locale__language_code=code, live=True)
        assert guides.count() >= 6
        for guide in guides:
            kinds = {block.block_type for block in guide.body}
            assert {"rich_text", "callout", "product_reference"} <= kinds
            products = [link.product for link in guide.product_links.all()]
            assert products
            assert {p.locale.language_code for p in products} == {code}
    # and the home pages and the site settings
    en_home = HomePage.objects.get(locale__language_code="en")
    assert en_home.hero_title and en_home.intro
    settings = SiteSettings.objects.get()
    assert settings.icp_number.startswith("沪ICP备")
    assert settings.company_name and settings.sales_email and settings.phone


def test_running_seed_demo_twice_creates_nothing_new(seeded):
    before = counts()

    call_command("seed_demo")

    assert counts() == before


def test_seed_demo_gives_products_a_packshot_and_data_sheets(seeded, api_client):
    product = ProductPage.objects.filter(locale__language_code="en").first()
    assert product.main_image is not None
    assert product.main_image.file.read(8) == b"\x89PNG\r\n\x1a\n"
    kinds = {doc.kind: doc.document for doc in product.documents.all()}
    assert set(kinds) == {"tds", "sds"}
    assert kinds["tds"].file.read(5) == b"%PDF-"
    assert not kinds["tds"].members_only and kinds["sds"].members_only
    # the API serves the public data sheet and keeps the SDS for members
    tds = api_client.get(f"/api/v1/documents/{kinds['tds'].pk}/download/")
    sds = api_client.get(f"/api/v1/documents/{kinds['sds'].pk}/download/")
    assert tds.status_code in (200, 302)
    assert sds.status_code == 401


def test_seed_demo_sections_appear_in_the_site_navigation(seeded, api_client):
    for locale, titles in (
        ("zh-hans", {"产品中心", "选油指南"}),
        ("en", {"Products", "Guides"}),
    ):
        nav = api_client.get("/api/v1/site/", {"locale": locale}).json()["navigation"]
        assert {item["title"] for item in nav} == titles


def test_seed_demo_publishes_a_demo_policy_in_both_languages(seeded, api_client):
    from legal.models import PolicyVersion

    version = PolicyVersion.objects.get()
    assert {text.locale for text in version.texts.all()} == {"zh-hans", "en"}
    policies = api_client.get("/api/v1/policies/", {"locale": "en"}).json()
    assert policies


def test_seed_demo_leaves_the_catalogue_searchable(seeded, api_client):
    live = ProductPage.objects.live().count() + GuidePage.objects.live().count()
    assert SearchDocument.objects.count() == live
    body = api_client.get("/api/v1/search/", {"q": "黄油"}).json()
    assert body["count"] >= 3
    assert {item["type"] for item in body["results"]} == {"product", "guide"}
