"""``core.pages``: a page's URL is its frontend address, ``FRONTEND_URL`` +
``/<language>/<path below the home>/``, wherever Wagtail or we ask for it."""

from __future__ import annotations

import pytest
from django.apps import apps
from wagtail.models import Page

from cms.models import HomePage
from core.pages import (
    FrontendPageMixin,
    frontend_path,
    page_frontend_path,
    page_frontend_url,
    split_frontend_path,
)
from legal.models import PolicyPage
from products.models import GuideIndexPage, GuidePage, ProductIndexPage, ProductPage
from tests.factories import ProductPageFactory, translate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frontend_url(settings):
    settings.FRONTEND_URL = "https://www.lubpur.example"


def test_every_page_model_uses_the_mixin():

    page_models = [
        model
        for model in apps.get_models()
        if issubclass(model, Page)
        and model is not Page
        and model._meta.app_label in {"cms", "products", "legal", "members"}
    ]
    assert set(page_models) >= {
        HomePage,
        ProductIndexPage,
        ProductPage,
        GuideIndexPage,
        GuidePage,
        PolicyPage,
    }
    assert all(issubclass(model, FrontendPageMixin) for model in page_models)


def test_wagtail_urls_of_a_page_are_its_frontend_address(tree):
    product = ProductPageFactory(parent=tree.products["zh-hans"], slug="lp-hm46")
    english = translate(product, tree.locales["en"], title="L-HM 46")

    assert product.url == "https://www.lubpur.example/zh-hans/products/lp-hm46/"
    assert product.full_url == product.url
    assert product.get_url() == product.url
    assert english.full_url == "https://www.lubpur.example/en/products/lp-hm46/"
    assert tree.homes["en"].url == "https://www.lubpur.example/en/"
    site = product.get_site()
    assert product.relative_url(site) == product.url
    assert page_frontend_url(product) == product.url
    assert page_frontend_path(product) == "/zh-hans/products/lp-hm46/"


def test_a_page_outside_every_site_has_no_url(tree):
    orphan = HomePage(title="Elsewhere", slug="elsewhere", locale=tree.locales["en"])
    Page.get_first_root_node().add_child(instance=orphan)

    assert orphan.url is None
    assert orphan.full_url is None
    # The API's path does not depend on a site.
    assert page_frontend_path(orphan) == "/en/"


def test_the_path_rule_and_its_inverse():
    assert frontend_path("/home/products/x/", "en") == "/en/products/x/"
    assert frontend_path("/home-en/", "en") == "/en/"
    assert split_frontend_path("/en/products/x/") == ("en", "products/x/")
    assert split_frontend_path("/products/x") == ("zh-hans", "products/x/")
    assert split_frontend_path("/") == ("zh-hans", "")
