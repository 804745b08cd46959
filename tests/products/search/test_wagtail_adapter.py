"""``LUBPUR_SEARCH_BACKEND = "wagtail"``: the same API through Wagtail's backend.

CI has no Elasticsearch/OpenSearch server, so this runs the adapter against the
backend configured in ``WAGTAILSEARCH_BACKENDS`` (the database one); with a
search server only the setting changes. English words suffice to prove the
path: Chinese quality then depends on the server's analyser (README "Search").
"""

from __future__ import annotations

import pytest
from wagtail.search.backends import get_search_backend

from products.models import GuidePage, ProductPage
from products.search.engine import WagtailEngine, search_engine

pytestmark = pytest.mark.django_db


@pytest.fixture
def wagtail_engine(settings, shop):
    settings.LUBPUR_SEARCH_BACKEND = "wagtail"
    backend = get_search_backend()
    for model in (ProductPage, GuidePage):
        for page in model.objects.all():
            backend.add(page)
    return shop


def test_the_setting_chooses_the_adapter(settings):
    settings.LUBPUR_SEARCH_BACKEND = "wagtail"
    assert isinstance(search_engine(), WagtailEngine)
    settings.LUBPUR_SEARCH_BACKEND = "solr"
    with pytest.raises(ValueError, match="LUBPUR_SEARCH_BACKEND"):
        search_engine()


def test_search_and_list_q_go_through_wagtails_backend(api_client, wagtail_engine):
    shop = wagtail_engine
    body = api_client.get(
        "/api/v1/search/", {"q": "Lubpur diesel", "locale": "en"}
    ).json()
    assert [item["id"] for item in body["results"]] == [shop.ck4_en.pk]
    listed = api_client.get("/api/v1/products/", {"q": "diesel", "locale": "en"})
    assert [item["sku"] for item in listed.json()["results"]] == ["LP-CK4-1540"]
