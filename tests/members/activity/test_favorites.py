"""``/api/v1/me/favorites/``: saved products and guides, one row per item however
often (or however concurrently) it is added."""

import pytest

from members.activity.selectors import favorite_page_ids
from members.activity.services import favorite_add
from members.models import Favorite
from tests.factories.members import MemberFactory
from tests.factories.pages import guide_page, product_page, translate

pytestmark = pytest.mark.django_db
URL = "/api/v1/me/favorites/"


@pytest.fixture
def product(tree):
    return product_page(tree, "LP-HM46", title="超润抗磨液压油", summary="高压抗磨。")


def test_a_member_saves_a_product_and_sees_it_in_the_list(member_client, product):
    created = member_client.post(URL, {"page": product.pk}, format="json")
    assert created.status_code == 201, created.json()
    listed = member_client.get(URL).json()
    assert listed["count"] == 1
    item = listed["results"][0]["item"]
    assert listed["results"][0]["type"] == "product"
    assert item["title"] == "超润抗磨液压油" and item["summary"] == "高压抗磨。"
    assert item["url"] == "/zh-hans/products/lp-hm46/"
    assert item["thumbnail"] is None


def test_adding_the_same_item_again_in_either_language_keeps_one_row(
    member_client, product, tree
):
    english = translate(product, tree, title="AW Hydraulic Oil", summary="Anti-wear.")
    first = member_client.post(URL, {"page": product.pk}, format="json")
    again = member_client.post(URL, {"page": product.pk}, format="json")
    other_language = member_client.post(URL, {"page": english.pk}, format="json")
    assert (first.status_code, again.status_code, other_language.status_code) == (
        201,
        200,
        200,
    )
    assert Favorite.objects.filter(user=member_client.member).count() == 1


def test_the_list_shows_each_item_in_the_members_language(member_client, product, tree):
    english = translate(product, tree, title="AW Hydraulic Oil", summary="Anti-wear.")
    member_client.post(URL, {"page": product.pk}, format="json")
    member_client.member.preferred_language = "en"
    member_client.member.save()
    item = member_client.get(URL).json()["results"][0]["item"]
    assert (item["id"], item["title"], item["url"]) == (
        english.pk,
        "AW Hydraulic Oil",
        "/en/products/lp-hm46/",
    )
    asked = member_client.get(URL + "?locale=zh-hans").json()["results"][0]["item"]
    assert asked["title"] == "超润抗磨液压油"


def test_an_item_without_a_translation_is_shown_in_the_saved_language(
    member_client, product
):
    member_client.post(URL, {"page": product.pk}, format="json")
    item = member_client.get(URL + "?locale=en").json()["results"][0]["item"]
    assert item["locale"] == "zh-hans" and item["id"] == product.pk


def test_the_list_is_newest_first_and_filters_by_type(member_client, product, tree):
    guide = guide_page(tree, "choosing-oil")
    member_client.post(URL, {"page": product.pk}, format="json")
    member_client.post(URL, {"page": guide.pk}, format="json")
    listed = member_client.get(URL).json()["results"]
    assert [r["item"]["id"] for r in listed] == [guide.pk, product.pk]
    guides = member_client.get(URL + "?type=guide").json()["results"]
    assert [r["type"] for r in guides] == ["guide"]
    assert member_client.get(URL + "?type=brochure").status_code == 400


@pytest.mark.parametrize(
    "body", [{}, {"page": "x"}, {"page": 999999}, {"page": "home"}]
)
def test_a_missing_or_unsuitable_page_is_a_400(member_client, tree, body):
    if body.get("page") == "home":
        body = {"page": tree.homes["zh-hans"].pk}
    response = member_client.post(URL, body, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["attr"] == "page"


def test_an_unpublished_product_cannot_be_saved(member_client, product):
    product.unpublish()
    assert member_client.post(URL, {"page": product.pk}).status_code == 400


def test_a_member_removes_a_favorite_and_cannot_remove_another_members(
    member_client, product
):
    other = MemberFactory()
    favorite_add(user=other, page_id=product.pk)
    assert member_client.delete(f"{URL}{product.pk}/").status_code == 404
    assert Favorite.objects.filter(user=other).exists()
    member_client.post(URL, {"page": product.pk}, format="json")
    assert member_client.get(URL).json()["count"] == 1
    assert member_client.delete(f"{URL}{product.pk}/").status_code == 204
    assert member_client.get(URL).json()["count"] == 0


def test_visitors_get_401(api_client, db):
    response = api_client.get(URL)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_favorite_page_ids_answers_in_one_query_for_either_language(
    product, tree, django_assert_num_queries
):
    english = translate(product, tree, title="AW", summary="")
    other = product_page(tree, "LP-X")
    member = MemberFactory()
    favorite_add(user=member, page_id=product.pk)
    with django_assert_num_queries(1):
        found = favorite_page_ids(
            user=member, page_ids=[product.pk, english.pk, other.pk]
        )
    assert found == {product.pk, english.pk}


@pytest.mark.parametrize("count", [5, 50])
def test_the_list_takes_the_same_queries_for_5_or_50_favorites(
    member_client, tree, count, django_assert_max_num_queries
):
    for i in range(count):
        page = product_page(tree, f"LP-{i}") if i % 2 else guide_page(tree, f"g-{i}")
        favorite_add(user=member_client.member, page_id=page.pk)
    # count, page, products (+ images, renditions), guides (+ images, renditions)
    with django_assert_max_num_queries(8):
        response = member_client.get(URL + "?page_size=100")
    assert response.json()["count"] == count
