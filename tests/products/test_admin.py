"""The catalogue admin: listings and snippet screens render, the import upload
works for editors and is refused to everyone else."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from products.importer import products_import
from products.models import Brand, ProductCategory, ProductPage

from .conftest import csv_bytes, product_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        email="editor@example.com", password="pw-123456789"
    )
    client.force_login(user)
    return client


@pytest.fixture
def non_editor_client(client, django_user_model):
    """Can log in to the admin, but has no permission on product pages."""
    user = django_user_model.objects.create_user(
        email="visitor@example.com", password="pw-123456789"
    )
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    client.force_login(user)
    return client


def upload(name: str, data: bytes, **extra) -> dict:
    return {"file": SimpleUploadedFile(name, data), **extra}


def test_an_editor_imports_a_file_from_the_admin(admin_client, tree):
    url = reverse("product_import:index")

    response = admin_client.post(url, upload("p.csv", csv_bytes(product_rows())))

    assert response.status_code == 200
    assert ProductPage.objects.filter(sku="LP-HM46").count() == 2
    assert "已创建 2 个页面" in response.content.decode()  # the admin is Chinese


def test_a_bad_upload_shows_each_bad_row_and_imports_nothing(admin_client, tree):
    rows = [
        {**product_rows()[0], "base_oil": "whale"},
        {**product_rows()[1], "sku": ""},
    ]

    response = admin_client.post(
        reverse("product_import:index"), upload("p.csv", csv_bytes(rows))
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "第 2 行" in page and "whale" in page
    assert "第 3 行" in page and "sku 为必填项" in page
    assert ProductPage.objects.count() == 0


def test_a_dry_run_upload_saves_nothing(admin_client, tree):
    response = admin_client.post(
        reverse("product_import:index"),
        upload("p.csv", csv_bytes(product_rows()), dry_run="on"),
    )

    assert "将创建" in response.content.decode()
    assert ProductPage.objects.count() == 0


def test_someone_without_page_permissions_cannot_import(non_editor_client, tree):
    url = reverse("product_import:index")

    # Wagtail answers a refused admin view by sending the user home with a message.
    refused = non_editor_client.get(url)
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))
    response = non_editor_client.post(url, upload("p.csv", csv_bytes(product_rows())))
    assert response.status_code == 302
    assert ProductPage.objects.count() == 0


def test_the_catalogue_listings_render_with_filters(admin_client, tree):
    products_import(data=csv_bytes(product_rows()), filename="p.csv")
    brand = Brand.objects.get(locale__language_code="zh-hans")
    leaf = ProductCategory.objects.get(locale__language_code="zh-hans", parent=None)

    pages = admin_client.get(
        reverse("product_pages:index"),
        {"brand": brand.pk, "category": leaf.pk, "base_oil": "mineral"},
    )
    brands = admin_client.get(reverse("wagtailsnippets_products_brand:list"))
    categories = admin_client.get(
        reverse("wagtailsnippets_products_productcategory:list"), {"q": "液压"}
    )
    guides = admin_client.get(reverse("guide_pages:index"))

    assert pages.status_code == brands.status_code == guides.status_code == 200
    assert "LP-HM46" in pages.content.decode()
    assert "Lubpur" in brands.content.decode()
    assert "industrial-oils/hydraulic-oils" in categories.content.decode()


def test_the_product_edit_page_renders(admin_client, tree):
    products_import(data=csv_bytes(product_rows()), filename="p.csv")
    page = ProductPage.objects.get(locale__language_code="en")

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert response.status_code == 200
    assert "Lubpur AW Hydraulic Oil" in response.content.decode()
