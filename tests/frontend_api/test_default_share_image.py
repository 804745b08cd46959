"""The site's default share image (Site settings) is every page's ``og_image``
when the page has no picture of its own, with alt text in the page's language."""

from __future__ import annotations

import pytest
from wagtail.models import Site

from cms.models import SiteSettings
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

CONTENT = "/api/v1/pages/content/"


@pytest.fixture
def share_image(catalogue):
    image = ImageFactory(alt_text="超润润滑油", alt_text_en="Lubpur lubricants")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.share_image = image
    settings.save()
    return image


def test_pages_without_a_picture_share_the_default_image_in_their_language(
    api_client, share_image
):
    chinese = api_client.get(CONTENT, {"path": "/zh-hans/"}).json()
    english = api_client.get(CONTENT, {"path": "/en/"}).json()

    for body in (chinese, english):
        assert body["og_image"]["id"] == share_image.pk
        assert "fill-1200x630" in body["og_image"]["url"]
        assert body["og_image"]["url"].startswith("http://testserver/")
    assert chinese["og_image"]["alt"] == "超润润滑油"
    assert english["og_image"]["alt"] == "Lubpur lubricants"


def test_a_page_with_its_own_picture_keeps_it(api_client, catalogue, share_image):
    body = api_client.get("/api/v1/products/lp-hm46/").json()
    assert body["og_image"]["id"] == catalogue.hm46.main_image_id


def test_without_a_default_share_image_og_image_is_null(api_client, catalogue):
    body = api_client.get(CONTENT, {"path": "/en/products/"}).json()
    assert body["og_image"] is None


def test_choosing_a_share_image_reaches_a_cached_page(api_client, catalogue):
    path = {"path": "/en/"}
    assert api_client.get(CONTENT, path).json()["og_image"] is None

    image = ImageFactory(alt_text_en="Our oils")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.share_image = image
    settings.save()

    assert api_client.get(CONTENT, path).json()["og_image"]["alt"] == "Our oils"
    image.alt_text_en = "Our lubricants"
    image.save()
    assert api_client.get(CONTENT, path).json()["og_image"]["alt"] == "Our lubricants"
