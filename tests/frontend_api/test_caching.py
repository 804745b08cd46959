"""The shared response cache of the content API: hits cost no query, edits show up
in the next response, unrelated entries stay cached, ETags and 304s, headers.

CI runs this file against Redis (``REDIS_URL``); each test starts and ends with
an empty cache.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from wagtail.models import Site

from cms.models import SiteSettings
from core import cache as tagged
from legal.importer import policy_import
from members.activity.services import favorite_add
from tests.factories.members import MemberFactory
from tests.frontend_api.test_policies_api import EDITED_ZH
from tests.legal import conftest as legal_fixtures

pytestmark = pytest.mark.django_db

PRODUCTS = "/api/v1/products/"
# The policy fixtures live with the legal tests.
policy = legal_fixtures.policy


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.API_CACHE = {**settings.API_CACHE, "ENABLED": True}
    cache.clear()
    yield
    cache.clear()


def get(client, url, **params):
    headers = params.pop("headers", {})
    response = client.get(url, params, headers=headers)
    assert response.status_code in (200, 304), response.content
    return response


def titles(response) -> list[str]:
    return [item["title"] for item in response.json()["results"]]


def hit_queries() -> int:
    """A hit reads its tags' tokens: no query when they live in the cache (Redis),
    one indexed SELECT when they live in the database (the default without it)."""
    return 0 if isinstance(tagged.tag_store(), tagged.CacheTagStore) else 1


def assert_hit(client, url, django_assert_num_queries, **params):
    with django_assert_num_queries(hit_queries()):
        response = get(client, url, **params)
    assert response["X-Cache"] == "hit"
    return response


def test_a_repeated_request_is_served_from_the_cache_at_most_one_query(
    api_client, catalogue, django_assert_num_queries
):
    first = get(api_client, PRODUCTS, locale="en")
    assert first["X-Cache"] == "miss"
    second = assert_hit(api_client, PRODUCTS, django_assert_num_queries, locale="en")
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"]


def test_entries_are_per_locale_and_query_string(api_client, catalogue):
    assert get(api_client, PRODUCTS)["X-Cache"] == "miss"
    assert get(api_client, PRODUCTS, locale="en")["X-Cache"] == "miss"
    english = {"Accept-Language": "en-GB,en;q=0.8"}
    assert get(api_client, PRODUCTS, headers=english)["X-Cache"] == "miss"
    again = get(api_client, PRODUCTS, headers={"Accept-Language": "en"})
    assert again["X-Cache"] == "hit"  # the language it resolves to is the key
    assert {item["locale"] for item in again.json()["results"]} == {"en"}
    assert get(api_client, PRODUCTS, headers={"Accept-Language": "zh-CN"})[
        "X-Cache"
    ] == ("hit")
    assert get(api_client, PRODUCTS, page_size=1)["X-Cache"] == "miss"
    assert get(api_client, PRODUCTS, brand="shell")["X-Cache"] == "miss"
    assert get(api_client, PRODUCTS, brand="shell")["X-Cache"] == "hit"


def test_publishing_an_edit_shows_in_the_next_list_and_detail(api_client, catalogue):
    detail = f"{PRODUCTS}lp-hm46/"
    get(api_client, PRODUCTS)
    get(api_client, detail)
    page = catalogue.hm46
    page.title = "抗磨液压油 L-HM 46（新配方）"
    page.save_revision().publish()
    listed = get(api_client, PRODUCTS)
    assert listed["X-Cache"] == "miss"
    assert titles(listed)[0] == "抗磨液压油 L-HM 46（新配方）"
    assert get(api_client, detail).json()["title"] == "抗磨液压油 L-HM 46（新配方）"


def test_an_edit_leaves_unrelated_entries_cached(
    api_client, catalogue, django_assert_num_queries
):
    SiteSettings.for_site(Site.objects.get(is_default_site=True))  # created once
    urls = [
        (PRODUCTS, {"locale": "en"}),
        (f"{PRODUCTS}lp-hm46/", {"locale": "en"}),
        ("/api/v1/guides/", {}),
        ("/api/v1/brands/", {}),
        ("/api/v1/categories/", {}),
        ("/api/v1/site/", {}),
    ]
    for url, params in urls:
        get(api_client, url, **params)
    gear = catalogue.gear  # a Chinese product with no English version
    gear.title = "重负荷齿轮油"
    gear.save_revision().publish()
    for url, params in urls:
        assert_hit(api_client, url, django_assert_num_queries, **params)
    assert "重负荷齿轮油" in titles(get(api_client, PRODUCTS))


def test_unpublishing_and_deleting_remove_the_product(api_client, catalogue):
    get(api_client, PRODUCTS, locale="en")
    get(api_client, f"{PRODUCTS}lp-ck4-1540/", locale="en")
    catalogue.ck4_en.unpublish()
    assert titles(get(api_client, PRODUCTS, locale="en")) == [
        "Anti-wear hydraulic oil L-HM 46"
    ]
    gone = api_client.get(f"{PRODUCTS}lp-ck4-1540/", {"locale": "en"})
    assert gone.status_code == 404
    get(api_client, f"{PRODUCTS}lp-hm46/")
    catalogue.hm46_en.delete()
    assert titles(get(api_client, PRODUCTS, locale="en")) == []
    # the Chinese detail lists its translations: the English one is gone
    chinese = get(api_client, f"{PRODUCTS}lp-hm46/")
    assert chinese["X-Cache"] == "miss"
    assert chinese.json()["translations"] == []


def test_moving_a_product_reorders_the_list(api_client, catalogue):
    assert titles(get(api_client, PRODUCTS, locale="en"))[0].startswith("Anti-wear")
    catalogue.ck4_en.move(catalogue.hm46_en, pos="left")
    assert titles(get(api_client, PRODUCTS, locale="en"))[0].startswith("Diesel")


def test_editing_a_brand_renames_it_where_shown_and_nowhere_else(
    api_client, catalogue, django_assert_num_queries
):
    get(api_client, PRODUCTS, locale="en")
    get(api_client, "/api/v1/categories/", locale="en")
    get(api_client, "/api/v1/guides/", locale="en")
    catalogue.brand_en.name = "Lubpur Pro"
    catalogue.brand_en.save()
    item = get(api_client, PRODUCTS, locale="en").json()["results"][0]
    assert item["brand"] == {"slug": "lubpur", "name": "Lubpur Pro"}
    assert_hit(
        api_client, "/api/v1/categories/", django_assert_num_queries, locale="en"
    )
    assert_hit(api_client, "/api/v1/guides/", django_assert_num_queries, locale="en")
    assert get(api_client, "/api/v1/brands/", locale="en").json()["results"]


def test_editing_a_category_renames_it_in_the_tree(api_client, catalogue):
    get(api_client, "/api/v1/categories/", locale="en")
    catalogue.engine_en.name = "Motor oil"
    catalogue.engine_en.save()
    tree = get(api_client, "/api/v1/categories/", locale="en").json()
    assert "Motor oil" in [node["name"] for node in tree]


def test_editing_site_settings_shows_in_the_site_response(api_client, catalogue):
    site = Site.objects.get(is_default_site=True)
    settings_row = SiteSettings.for_site(site)
    get(api_client, "/api/v1/site/")
    settings_row.phone = "400-000-0000"
    settings_row.save()
    assert get(api_client, "/api/v1/site/").json()["settings"]["phone"] == (
        "400-000-0000"
    )


def test_if_none_match_gets_304_on_a_miss_and_on_a_hit(api_client, catalogue):
    first = get(api_client, PRODUCTS)
    etag = first["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    cache.clear()  # the next request is a miss
    miss = get(api_client, PRODUCTS, headers={"If-None-Match": etag})
    assert (miss.status_code, miss["X-Cache"], miss.content) == (304, "miss", b"")
    hit = get(api_client, PRODUCTS, headers={"If-None-Match": f'"x", {etag}'})
    assert (hit.status_code, hit["X-Cache"]) == (304, "hit")
    assert hit["ETag"] == etag
    assert get(api_client, PRODUCTS, headers={"If-None-Match": '"x"'}).status_code == (
        200
    )


def test_public_responses_suit_a_cdn(api_client, catalogue, settings):
    response = get(api_client, PRODUCTS)
    assert response["Cache-Control"] == (
        "public, max-age=60, s-maxage=300, stale-while-revalidate=600"
    )
    assert {"Accept-Language", "Cookie", "X-Session-Token"} <= {
        part.strip() for part in response["Vary"].split(",")
    }


def test_a_member_gets_private_fresh_responses_with_their_favorites(
    api_client, catalogue
):
    anonymous = get(api_client, PRODUCTS)  # now cached for visitors
    member = MemberFactory()
    favorite_add(user=member, page_id=catalogue.hm46.pk)
    api_client.force_login(member)
    mine = get(api_client, PRODUCTS)
    assert "X-Cache" not in mine
    assert mine["Cache-Control"] == "private, no-cache"
    assert [item["is_favorite"] for item in mine.json()["results"]] == [
        True,
        False,
        False,
    ]
    assert not any(item["is_favorite"] for item in anonymous.json()["results"])
    api_client.logout()
    assert get(api_client, PRODUCTS)["X-Cache"] == "hit"


def test_a_bad_locale_is_a_400_and_not_cached(api_client, catalogue):
    response = api_client.get(PRODUCTS, {"locale": "fr"})
    assert response.status_code == 400
    assert api_client.get(PRODUCTS, {"locale": "fr"}).status_code == 400


def test_an_evicted_tag_token_makes_its_entries_miss(api_client, catalogue):
    get(api_client, "/api/v1/categories/")
    tagged.forget("snippet:products.productcategory")
    assert get(api_client, "/api/v1/categories/")["X-Cache"] == "miss"
    assert get(api_client, "/api/v1/categories/")["X-Cache"] == "hit"


def test_a_new_policy_version_shows_in_the_next_policy_response(
    api_client, policy, django_assert_num_queries
):
    url = "/api/v1/policies/privacy/"
    before = get(api_client, url, locale="zh-hans").json()
    assert_hit(api_client, url, django_assert_num_queries, locale="zh-hans")
    policy_import(text=EDITED_ZH, locale="zh-hans", slug="privacy", publish=True)
    after = get(api_client, url, locale="zh-hans")
    assert after["X-Cache"] == "miss"
    assert after.json()["sha256"] != before["sha256"]
