"""An editor uploads an image and a TDS in the admin, creates a product with them
and publishes it: the product is in the products API, found by search, with its
image rendition and its TDS download."""

from __future__ import annotations

import io

from PIL import Image

from cms.services import site_tree_ensure
from tests.e2e.journeys import admin_login, api_get, publish, shot, staff_user
from tests.factories.catalogue import CategoryFactory


def png_file(tmp_path):
    path = tmp_path / "lp-hm46-drum.png"
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (30, 90, 160)).save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


def pdf_file(tmp_path):
    path = tmp_path / "lp-hm46-tds.pdf"
    path.write_bytes(b"%PDF-1.4\n% LP-HM46 technical data sheet\n%%EOF\n")
    return path


def choose_in_modal(page, button_name: str, item: str) -> None:
    page.get_by_role("button", name=button_name).first.click()
    modal = page.locator(".modal-content")
    modal.get_by_text(item, exact=False).first.click()
    page.wait_for_selector(".modal-content", state="detached")


def test_an_editor_creates_and_publishes_a_product_with_an_image_and_a_tds(
    page, server, tmp_path, settings
):
    # Wagtail 8 autosaves the new page while it is edited; an autosave that lands
    # before Publish makes the create view's Publish fail (slug in use, a 500),
    # so this journey turns autosave off to be deterministic.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    homes = site_tree_ensure()
    products = homes["zh-hans"].get_children().get(slug="products")
    CategoryFactory(name="液压油", slug="hydraulic")
    staff_user("editor@example.com", "Editors")
    admin_login(page, server, "editor@example.com")

    page.goto(f"{server}/admin/images/add/")
    page.fill("input[name=title]", "LP-HM46 drum")
    page.set_input_files("input[name=file]", str(png_file(tmp_path)))
    page.get_by_role("button", name="Upload").click()
    page.wait_for_url(f"{server}/admin/images/**")

    page.goto(f"{server}/admin/documents/add/")
    page.fill("input[name=title]", "LP-HM46 TDS")
    page.set_input_files("input[name=file]", str(pdf_file(tmp_path)))
    page.get_by_role("button", name="Upload").click()
    page.wait_for_url(f"{server}/admin/documents/**")

    page.goto(f"{server}/admin/pages/add/products/productpage/{products.pk}/")
    page.fill("#id_title", "抗磨液压油 L-HM 46")
    page.fill("input[name=sku]", "LP-HM46")
    page.fill("input[name=viscosity_grade]", "ISO VG 46")
    page.fill("textarea[name=summary]", "高压液压系统用抗磨液压油。")
    choose_in_modal(page, "Choose product category", "液压油")
    choose_in_modal(page, "Choose an image", "LP-HM46 drum")
    page.get_by_role("button", name="Add documents").first.click()
    choose_in_modal(page, "Choose a document", "LP-HM46 TDS")
    page.select_option("select[name=documents-0-kind]", "tds")
    shot(page, "editor_product_form")
    publish(page)
    page.wait_for_url(f"{server}/admin/pages/{products.pk}/**")

    listed = api_get(server, "/api/v1/products/").json()["results"]
    assert [item["sku"] for item in listed] == ["LP-HM46"]
    found = api_get(server, "/api/v1/products/", q="抗磨液压油").json()["results"]
    assert [item["sku"] for item in found] == ["LP-HM46"]
    assert api_get(server, "/api/v1/products/", q="齿轮油").json()["results"] == []
    detail = api_get(server, f"/api/v1/products/{listed[0]['slug']}/").json()
    assert detail["title"] == "抗磨液压油 L-HM 46"
    assert detail["images"], "the main image is served as renditions"
    (tds,) = detail["documents"]
    assert tds["kind"] == "tds"
    download = api_get(server, tds["download_url"].removeprefix(server))
    assert download.status_code == 200
    assert download.content.startswith(b"%PDF")
