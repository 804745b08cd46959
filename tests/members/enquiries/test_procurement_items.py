"""Procurement items name catalogue products by title and URL and one of the
product's structured package sizes; a copy taken when asked survives a rename
or unpublishing (issue 15, item 9)."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import Site

from cms.models import SiteSettings
from members.models import ProcurementItem, ProcurementRequest
from tests.factories.catalogue import sizes
from tests.factories.members import MemberFactory, StaffFactory
from tests.factories.pages import product_page, translate

pytestmark = pytest.mark.django_db
URL = "/api/v1/me/procurement-requests/"
SALES = "sales@lubpur.example"


@pytest.fixture(autouse=True)
def sales_inbox(db):
    site = Site.objects.get(is_default_site=True)
    row = SiteSettings.for_site(site)
    row.sales_email = SALES
    row.save()


@pytest.fixture
def product(tree):
    page = product_page(
        tree,
        "LP-HM46",
        title="抗磨液压油 L-HM 46",
        package_sizes=sizes("18L 提桶", "200L 桶", "4L×6"),
    )
    translate(page, tree, title="Anti-wear hydraulic oil HM 46", summary="HM 46.")
    return page


def size_ids(product):
    return [item["id"] for item in product.package_sizes.raw_data]


def body(items):
    return {
        "title": "液压油采购",
        "items": items,
        "delivery_province": "江苏省",
        "delivery_city": "苏州市",
    }


def post(client, items, **extra):
    return client.post(URL, body(items), format="json", **extra)


def test_an_item_names_a_package_size_and_carries_title_url_and_size(
    member_client, product, django_capture_on_commit_callbacks
):
    drum = size_ids(product)[1]
    items = [
        {
            "product": product.pk,
            "quantity": "5",
            "unit": "package",
            "package_size": drum,
        },
        {"description": "齿轮油 CKD 220", "quantity": "1", "unit": "t"},
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = post(member_client, items)
    assert response.status_code == 201, response.json()
    item, free = response.json()["items"]
    assert item["product"] == product.pk
    assert item["product_title"] == item["product_title_when_asked"] == product.title
    assert item["product_sku"] == "LP-HM46"
    assert item["product_url"] == "/zh-hans/products/lp-hm46/"
    assert item["package_size"] == {
        "id": drum,
        "amount": "200",
        "unit": "L",
        "container": "drum",
        "count": None,
        "note": "",
        "label": "200 L 桶",
    }
    assert (free["product_title"], free["product_url"], free["package_size"]) == (
        "",
        None,
        None,
    )
    # Sales read the product by title and link in their e-mail.
    sales = [m for m in mail.outbox if m.to == [SALES]]
    assert len(sales) == 1
    assert "抗磨液压油 L-HM 46 (LP-HM46)" in sales[0].body
    assert "/zh-hans/products/lp-hm46/" in sales[0].body
    assert "200 L 桶" in sales[0].body and "齿轮油 CKD 220" in sales[0].body


def test_titles_urls_and_labels_follow_the_requests_language(member_client, product):
    case = size_ids(product)[2]
    post(
        member_client,
        [{"product": product.pk, "quantity": "2", "unit": "L", "package_size": case}],
        HTTP_ACCEPT_LANGUAGE="en",
    )
    # Asked in English: the copy is the English title.
    assert (
        ProcurementItem.objects.get().product_title == "Anti-wear hydraulic oil HM 46"
    )

    listed = member_client.get(URL, {"locale": "en"}).json()["results"][0]["items"][0]
    assert listed["product_title"] == "Anti-wear hydraulic oil HM 46"
    assert listed["product_url"] == "/en/products/lp-hm46/"
    assert listed["package_size"]["label"] == "4 L × 6 case"
    assert (listed["package_size"]["container"], listed["package_size"]["count"]) == (
        "case",
        6,
    )
    chinese = member_client.get(URL, {"locale": "zh-hans"}).json()["results"][0]
    assert chinese["items"][0]["product_title"] == product.title
    assert chinese["items"][0]["product_url"] == "/zh-hans/products/lp-hm46/"
    assert chinese["items"][0]["package_size"]["label"] == "4 L × 6 箱"


def test_the_title_asked_for_survives_a_rename_and_unpublishing(member_client, product):
    created = post(
        member_client, [{"product": product.pk, "quantity": "1", "unit": "t"}]
    )
    pk = created.json()["id"]

    product.title = "新名字"
    product.save()
    renamed = member_client.get(f"{URL}{pk}/").json()["items"][0]
    assert renamed["product_title"] == "新名字"
    assert renamed["product_title_when_asked"] == "抗磨液压油 L-HM 46"

    for page in product.get_translations(inclusive=True):
        page.specific.unpublish()
    gone = member_client.get(f"{URL}{pk}/").json()["items"][0]
    assert gone["product_title"] == "抗磨液压油 L-HM 46"
    assert gone["product_url"] is None and gone["product_sku"] == "LP-HM46"


@pytest.mark.parametrize(
    ("item", "code"),
    [
        ({"package_size": "not-one-of-its-sizes"}, "invalid_package_size"),
        ({"unit": "package"}, "package_size_required"),
        (
            {"product": None, "description": "液压油", "package_size": "x"},
            "package_size_without_product",
        ),
    ],
)
def test_a_package_size_the_product_does_not_offer_is_a_400(
    member_client, product, item, code
):
    row = {"product": product.pk, "quantity": "1", "unit": "L", **item}
    response = post(member_client, [row])
    assert response.status_code == 400, response.json()
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == code
    assert problem["errors"] == [
        {
            "code": code,
            "detail": problem["errors"][0]["detail"],
            "attr": "items.0.package_size",
        }
    ]
    assert not ProcurementRequest.objects.exists()


def test_another_products_size_is_refused(member_client, product, tree):
    other = product_page(tree, "LP-GEAR", package_sizes=sizes("18L 桶"))
    response = post(
        member_client,
        [
            {
                "product": product.pk,
                "quantity": "1",
                "unit": "package",
                "package_size": size_ids(other)[0],
            }
        ],
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_package_size"


def test_another_member_gets_404_on_someones_request(
    member_client, product, api_client
):
    pk = post(
        member_client, [{"product": product.pk, "quantity": "1", "unit": "t"}]
    ).json()["id"]
    api_client.force_authenticate(MemberFactory())
    assert api_client.get(f"{URL}{pk}/").status_code == 404
    assert api_client.get(URL).json()["count"] == 0


def test_sales_see_the_products_title_link_and_package_in_the_admin(
    member_client, product, client
):
    drum = size_ids(product)[1]
    pk = post(
        member_client,
        [
            {
                "product": product.pk,
                "quantity": "3",
                "unit": "package",
                "package_size": drum,
            }
        ],
    ).json()["id"]
    staff = StaffFactory()
    staff.groups.add(Group.objects.get(name="Sales"))
    client.force_login(staff)
    page = client.get(
        f"/admin/procurement_requests/edit/{pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert page.status_code == 200
    assert "抗磨液压油 L-HM 46" in page.text
    assert "/zh-hans/products/lp-hm46/" in page.text
    assert "200 L" in page.text


def test_the_list_reads_item_products_in_a_fixed_number_of_queries(
    member_client, product, tree, django_assert_max_num_queries
):
    for index in range(3):
        other = product_page(tree, f"LP-X{index}")
        post(member_client, [{"product": other.pk, "quantity": "1", "unit": "t"}])
    with django_assert_max_num_queries(12) as counted:
        member_client.get(URL)
    few = len(counted.captured_queries)
    for index in range(3, 8):
        other = product_page(tree, f"LP-X{index}")
        post(member_client, [{"product": other.pk, "quantity": "1", "unit": "t"}])
    with django_assert_max_num_queries(few):
        member_client.get(URL)
