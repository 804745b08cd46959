"""Webhooks and CDN purge for what a frontend shows besides pages: brands,
categories, site settings, policies, images and documents — each event lists
every affected URL; a product's publish lists its category listings and the
guides that recommend it."""

from __future__ import annotations

import pytest
from wagtail.models import Site

from cms.models import SiteSettings, WebhookDelivery, WebhookEndpoint
from delivery import purge
from products.models import ProductDocument
from tests.factories import DocumentFactory, ImageFactory
from tests.frontend_api import conftest as content_fixtures
from tests.legal import conftest as legal_fixtures

pytestmark = pytest.mark.django_db
policy = legal_fixtures.policy
catalogue = content_fixtures.catalogue


@pytest.fixture
def endpoints(db):
    every = WebhookEndpoint.objects.create(
        name="all", url="https://a.example.com/hook", secret="s"
    )
    english = WebhookEndpoint.objects.create(
        name="en", url="https://b.example.com/hook", secret="s", locales=["en"]
    )
    return every, english


@pytest.fixture
def purged(settings, monkeypatch):
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://cdn.invalid",
        }
    }
    urls: list[str] = []
    monkeypatch.setattr(purge, "purge_urls_from_cache", urls.extend)
    return urls


def sent(event: str) -> list[WebhookDelivery]:
    return list(WebhookDelivery.objects.filter(event=event).order_by("endpoint__name"))


def test_a_brand_edit_lists_its_products_and_filtered_listing(
    catalogue,
    endpoints,
    purged,
):
    WebhookDelivery.objects.all().delete()
    brand = catalogue.hm46.brand
    brand.name = "超润（新）"
    brand.save()
    (delivery,) = sent("brand.saved")  # a Chinese brand: not the English endpoint
    assert delivery.endpoint.name == "all"
    payload = delivery.payload
    assert payload["object"]["slug"] == "lubpur"
    assert payload["object"]["locale"] == "zh-hans"
    assert "/zh-hans/products/lp-hm46/" in payload["paths"]
    assert "/api/v1/brands/?locale=zh-hans" in payload["api_urls"]
    assert "/api/v1/products/?brand=lubpur&locale=zh-hans" in payload["api_urls"]
    assert "/api/v1/products/lp-hm46/?locale=zh-hans" in payload["api_urls"]
    assert "http://testserver/api/v1/products/?brand=lubpur&locale=zh-hans" in purged


def test_an_english_category_edit_reaches_the_english_endpoint(
    catalogue,
    endpoints,
):
    WebhookDelivery.objects.all().delete()
    english = catalogue.diesel_en if hasattr(catalogue, "diesel_en") else None
    category = english or catalogue.hm46.category_links.first().category
    category.name = category.name + " *"
    category.save()
    deliveries = sent("category.saved")
    language = category.locale.language_code
    assert {d.endpoint.name for d in deliveries} == (
        {"all", "en"} if language == "en" else {"all"}
    )
    urls = deliveries[0].payload["api_urls"]
    assert f"/api/v1/products/?category={category.slug}&locale={language}" in urls
    assert "/api/v1/categories/" in urls


def test_site_settings_go_to_every_endpoint_with_the_homes(tree, endpoints):
    row = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    WebhookDelivery.objects.all().delete()
    row.company_name = "超润润滑油"
    row.save()
    deliveries = sent("site_settings.saved")
    assert [d.endpoint.name for d in deliveries] == ["all", "en"]
    payload = deliveries[0].payload
    assert {"/zh-hans/", "/en/"} <= set(payload["paths"])
    assert "/api/v1/site/?locale=en" in payload["api_urls"]


def test_an_image_lists_the_pages_showing_it_and_an_unused_one_sends_nothing(
    catalogue,
    endpoints,
):
    WebhookDelivery.objects.all().delete()
    image = catalogue.hm46.main_image
    image.title = "LP-HM46 drum, new"
    image.save()
    (delivery, _) = sent("image.saved")
    assert "/zh-hans/products/lp-hm46/" in delivery.payload["paths"]
    WebhookDelivery.objects.all().delete()
    ImageFactory(title="unused").save()
    assert not WebhookDelivery.objects.exists()


def test_deleting_an_image_names_the_pages_that_showed_it(
    catalogue,
    endpoints,
):
    WebhookDelivery.objects.all().delete()
    catalogue.hm46.main_image.delete()
    deliveries = sent("image.deleted")
    assert deliveries
    assert "/zh-hans/products/lp-hm46/" in deliveries[0].payload["paths"]


def test_a_document_lists_the_products_offering_it(catalogue, endpoints):
    document = DocumentFactory(title="LP-HM46 TDS")
    ProductDocument.objects.create(page=catalogue.hm46, document=document)
    WebhookDelivery.objects.all().delete()
    document.title = "LP-HM46 TDS v2"
    document.save()
    deliveries = sent("document.saved")
    assert deliveries
    assert "/api/v1/products/lp-hm46/" in deliveries[0].payload["api_urls"]


def test_a_product_publish_lists_its_category_listings_and_recommending_guides(
    catalogue,
    endpoints,
    purged,
):
    WebhookDelivery.objects.all().delete()
    catalogue.hm46.save_revision().publish()
    (delivery,) = sent("page.published")
    payload = delivery.payload
    guide_path = "/zh-hans/guides/" + catalogue.guide.slug + "/"
    assert guide_path in payload["listings"]
    related = payload["related_api_urls"]
    assert "/api/v1/products/?category=hydraulic&locale=zh-hans" in related
    assert "/api/v1/guides/?product=lp-hm46&locale=zh-hans" in related
    assert f"/api/v1/guides/{catalogue.guide.slug}/" in related
    assert (
        "http://testserver/api/v1/products/?category=hydraulic&locale=zh-hans" in purged
    )


def test_a_published_policy_version_is_announced(policy, endpoints):
    from legal.importer import policy_import
    from tests.frontend_api.test_policies_api import EDITED_ZH

    WebhookDelivery.objects.all().delete()
    policy_import(text=EDITED_ZH, locale="zh-hans", slug="privacy", publish=True)
    deliveries = sent("policy.saved")
    assert deliveries
    urls = deliveries[0].payload["api_urls"]
    assert "/api/v1/policies/privacy/?locale=zh-hans" in urls
    assert "/api/v1/policies/privacy/versions/" in urls
