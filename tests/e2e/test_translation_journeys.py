"""A translator translates a product and the privacy policy into English with
wagtail-localize; the English is not served until it is published (by an editor
for the product, by Legal for the policy), then the API serves it."""

from __future__ import annotations

from wagtail.models import Locale

from legal.importer import policy_import
from tests.e2e.journeys import (
    admin_login,
    api_get,
    localize_submit,
    localize_translate,
    shot,
    staff_user,
)
from tests.factories import CategoryFactory, ProductPageFactory, site_tree
from tests.legal.fixtures import ZH


def test_a_translator_translates_a_product_and_an_editor_publishes_it(page, server):
    tree = site_tree()
    product = ProductPageFactory(
        parent=tree.products["zh-hans"],
        sku="LP-HM46",
        title="抗磨液压油 L-HM 46",
        summary="高压液压系统用抗磨液压油。",
        categories=[CategoryFactory(name="液压油", slug="hydraulic")],
    )
    product.save_revision().publish()
    staff_user("translator@example.com", "Translators")
    staff_user("editor@example.com", "Editors")

    admin_login(page, server, "translator@example.com")
    localize_submit(page, server, product.pk)
    localize_translate(
        page,
        {
            "抗磨液压油 L-HM 46": "Anti-wear hydraulic oil L-HM 46",
            "高压液压系统用抗磨液压油。": "Anti-wear oil for high-pressure hydraulics.",
        },
    )
    shot(page, "translator_product_segments")
    english = api_get(server, "/api/v1/products/lp-hm46/", locale="en")
    assert english.status_code == 404
    assert english.json()["code"] == "not_translated"

    page.context.clear_cookies()
    admin_login(page, server, "editor@example.com")
    translated = product.get_translation(tree.locales["en"])
    page.goto(f"{server}/admin/pages/{translated.pk}/edit/")
    page.get_by_role("button", name="Publish in English").click()
    page.wait_for_url(f"{server}/admin/pages/**")

    english = api_get(server, "/api/v1/products/lp-hm46/", locale="en")
    assert english.status_code == 200, english.text
    assert english.json()["title"] == "Anti-wear hydraulic oil L-HM 46"
    assert english.json()["summary"] == "Anti-wear oil for high-pressure hydraulics."


def test_a_translator_translates_the_policy_and_it_is_live_once_legal_publishes(
    page, server
):
    site_tree()
    policy = policy_import(text=ZH, locale="zh-hans", slug="privacy", publish=True).page
    staff_user("translator@example.com", "Translators")
    staff_user("legal@example.com", "Legal")

    admin_login(page, server, "translator@example.com")
    localize_submit(page, server, policy.pk)
    localize_translate(page, {"基本规则": "Basic rules"})
    shot(page, "translator_policy_segments")
    english = api_get(server, "/api/v1/policies/privacy/", locale="en")
    assert english.status_code == 404
    assert english.json()["code"] == "not_translated"

    page.context.clear_cookies()
    admin_login(page, server, "legal@example.com")
    translated = policy.get_translation(Locale.objects.get(language_code="en"))
    page.goto(f"{server}/admin/pages/{translated.pk}/edit/")
    page.get_by_role("button", name="Publish in English").click()
    page.wait_for_url(f"{server}/admin/pages/**")

    english = api_get(server, "/api/v1/policies/privacy/", locale="en")
    assert english.status_code == 200, english.text
    assert english.json()["locale"] == "en"
    headings = [section["heading"] for section in english.json()["sections"]]
    assert "Basic rules" in headings
