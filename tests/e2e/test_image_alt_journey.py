"""An editor gives an image its English alternative text in the admin (the
field in both admin languages); Chinese readers keep the Chinese one (English
readers' alt: tests/frontend_api/test_images_seo_api.py)."""

from __future__ import annotations

from tests.factories import ImageFactory, ProductPageFactory, site_tree

from .journeys import admin_login, api_get, shot, staff_user


def test_an_editor_writes_the_english_alt_text_of_an_image(page, server):
    tree = site_tree()
    image = ImageFactory(title="Drum", alt_text="200升桶")
    ProductPageFactory(parent=tree.products["zh-hans"], sku="LP-X", main_image=image)
    user = staff_user("editor@example.com", superuser=True)
    admin_login(page, server, user.email)

    page.goto(f"{server}/admin/images/{image.pk}/")
    page.fill("input[name=alt_text_en]", "200 litre drum")
    shot(page, "image_alt_text_en_english_admin")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(f"{server}/admin/images/")
    image.refresh_from_db()
    assert image.alt_text_en == "200 litre drum"

    profile = user.wagtail_userprofile
    profile.preferred_language = "zh-hans"
    profile.save(update_fields=["preferred_language"])
    page.goto(f"{server}/admin/images/{image.pk}/")
    assert page.input_value("input[name=alt_text_en]") == "200 litre drum"
    assert page.get_by_text("替代文本（英文）").count() >= 1
    shot(page, "image_alt_text_en_chinese_admin")

    zh = api_get(server, "/api/v1/products/lp-x/").json()
    assert zh["images"][0]["alt"] == "200升桶"
    assert zh["thumbnail"]["alt"] == "200升桶"
