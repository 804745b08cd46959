"""Editing a product in the admin: the category chooser searches and shows the
tree, a SKU conflict links to the page that holds the SKU, specifications are
one orderable list."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from products.models import ProductCategory, ProductPage
from products.selectors import category_search
from tests.factories.catalogue import (
    CategoryFactory,
    ProductPageFactory,
    translate_snippet,
)

pytestmark = pytest.mark.django_db

CHOOSER = "wagtailsnippetchoosers_products_productcategory"


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        email="editor@example.com", password="pw-123456789"
    )
    client.force_login(user)
    return client


@pytest.fixture
def categories(tree):
    industrial = CategoryFactory(name="工业油", slug="industrial-oils")
    hydraulic = CategoryFactory(name="液压油", slug="hydraulic-oils", parent=industrial)
    engine = CategoryFactory(name="发动机油", slug="engine-oils")
    en = tree.locales["en"]
    translate_snippet(industrial, en, name="Industrial oils")
    translate_snippet(hydraulic, en, name="Hydraulic oils")
    return {"industrial": industrial, "hydraulic": hydraulic, "engine": engine}


# --- the category chooser ----------------------------------------------------------


def chooser_rows(client, **params) -> str:
    response = client.get(reverse(f"{CHOOSER}:choose_results"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_chooser_shows_each_category_as_its_path_in_tree_order(editor, categories):
    response = editor.get(reverse(f"{CHOOSER}:choose"))
    html = response.json()["html"]

    assert 'name="q"' in html, "the chooser has a search box"
    assert "工业油 › 液压油" in html
    assert html.index("工业油 › 液压油") > html.index("工业油")
    assert "Industrial oils › Hydraulic oils" in html


def test_the_chooser_finds_a_category_by_its_chinese_or_english_name(
    editor, categories
):
    chinese = chooser_rows(editor, q="液压", locale="zh-hans")
    english = chooser_rows(editor, q="hydraulic", locale="zh-hans")
    nothing = chooser_rows(editor, q="齿轮油")

    assert "工业油 › 液压油" in chinese and "发动机油" not in chinese
    # The zh-hans category is found by its English translation's name.
    assert "工业油 › 液压油" in english and "Hydraulic oils" not in english
    assert "液压油" not in nothing


def test_searching_a_parent_lists_its_children_too(categories):
    found = category_search(
        queryset=ProductCategory.objects.filter(locale__language_code="zh-hans"),
        q="工业",
    )

    assert sorted(c.name for c in found) == ["工业油", "液压油"]


def test_the_chosen_category_is_shown_with_its_path(editor, categories):
    hydraulic = categories["hydraulic"]

    response = editor.get(reverse(f"{CHOOSER}:chosen", args=[hydraulic.pk]))

    assert response.json()["result"]["string"] == "工业油 › 液压油"


def test_the_product_form_uses_the_tree_chooser(editor, tree, categories):
    product = ProductPageFactory(
        parent=tree.products["zh-hans"], categories=[categories["hydraulic"]]
    )

    response = editor.get(reverse("wagtailadmin_pages:edit", args=[product.pk]))

    assert "工业油 › 液压油" in response.content.decode()


# --- a SKU conflict ----------------------------------------------------------------


def product_form(sku: str, title: str, category, specs=(), **extra) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": sku.lower(),
            "sku": sku,
            "brand": "",
            "viscosity_grade": "",
            "base_oil": "",
            "summary": "",
            "applications": "",
            "features": rich_text(""),
            "typical_properties": streamfield([]),
            "package_sizes": streamfield([]),
            "main_image": "",
            "category_links": inline_formset([{"category": category.pk}]),
            "specifications": inline_formset([{"code": code} for code in specs]),
            "gallery_images": inline_formset([]),
            "documents": inline_formset([]),
            "comments": inline_formset([]),
            **extra,
        }
    )


def test_a_taken_sku_links_to_the_page_holding_it_escaped(editor, tree, categories):
    holder = ProductPageFactory(
        parent=tree.products["zh-hans"], sku="LP-HM46", title="<b>抗磨液压油</b>"
    )
    holder.unpublish()  # e.g. a draft an autosave left behind
    parent = tree.products["zh-hans"]

    response = editor.post(
        reverse("wagtailadmin_pages:add", args=["products", "productpage", parent.pk]),
        product_form("LP-HM46", "新的液压油", categories["hydraulic"]),
    )

    assert response.status_code == 200
    html = response.content.decode()
    edit_url = reverse("wagtailadmin_pages:edit", args=[holder.pk])
    link = f'<a href="{edit_url}">&lt;b&gt;抗磨液压油&lt;/b&gt;</a>'
    assert f"另一个产品已在使用此 SKU：{link}" in html
    assert "草稿，未发布" in html
    assert "<b>抗磨液压油</b>" not in html
    assert ProductPage.objects.filter(sku="LP-HM46").count() == 1


def test_outside_the_admin_the_conflict_is_plain_text(tree):
    ProductPageFactory(parent=tree.products["zh-hans"], sku="LP-HM46", title="甲")
    other = ProductPageFactory(parent=tree.products["zh-hans"], sku="LP-HM68")
    other.sku = "LP-HM46"

    with pytest.raises(ValidationError) as error:
        other.full_clean()

    (message,) = error.value.message_dict["sku"]
    assert "甲" in message and "<a" not in message


# --- specifications as one list ---------------------------------------------------


def test_specifications_render_as_one_list_of_rows(editor, tree, categories):
    product = ProductPageFactory(
        parent=tree.products["zh-hans"],
        categories=[categories["hydraulic"]],
        specification_codes=["DIN 51524-2 HLP", "GB 11118.1 L-HM"],
    )

    html = editor.get(
        reverse("wagtailadmin_pages:edit", args=[product.pk])
    ).content.decode()

    assert 'data-code-list="specifications"' in html
    assert html.index('value="DIN 51524-2 HLP"') < html.index('value="GB 11118.1 L-HM"')
    assert "添加规格或认证" in html
    # No heading per item ("规格 1"): each code is a row of the one list.
    assert "inline_child_specifications-0-panel" not in html


def test_specifications_are_saved_in_the_order_of_the_list(editor, tree, categories):
    product = ProductPageFactory(
        parent=tree.products["zh-hans"],
        sku="LP-HM46",
        categories=[categories["hydraulic"]],
        specification_codes=["A", "B"],
    )
    first, second = product.specifications.all()
    data = product_form(
        "LP-HM46",
        product.title,
        categories["hydraulic"],
        **{"action-publish": "publish"},
    )
    data.update(
        {
            "category_links-0-id": str(product.category_links.get().pk),
            "specifications-TOTAL_FORMS": "3",
            "specifications-INITIAL_FORMS": "2",
            "specifications-0-id": str(first.pk),
            "specifications-0-code": "A",
            "specifications-0-ORDER": "2",
            "specifications-0-DELETE": "",
            "specifications-1-id": str(second.pk),
            "specifications-1-code": "B",
            "specifications-1-ORDER": "3",
            "specifications-1-DELETE": "1",
            "specifications-2-id": "",
            "specifications-2-code": "NSF H1",
            "specifications-2-ORDER": "1",
            "specifications-2-DELETE": "",
        }
    )
    data["category_links-INITIAL_FORMS"] = "1"

    response = editor.post(reverse("wagtailadmin_pages:edit", args=[product.pk]), data)

    assert response.status_code == 302, response.context["form"].errors
    product.refresh_from_db()
    assert [s.code for s in product.specifications.all()] == ["NSF H1", "A"]
