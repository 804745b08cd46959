"""Each role in the Chinese admin (and the English one): its dashboard shows its
work and its menu only what it may open; an editor finds a category in the
chooser by typing, sees the tree, and meets a taken SKU as a link to the page
holding it.

Screenshots: ``role_<role>_<language>.png``, ``category_chooser_search_<language>``,
``product_form_specifications_zh-hans``, ``sku_conflict_link_<language>``.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect
from wagtail.models import Workflow
from wagtail.users.models import UserProfile

from legal.importer import policy_import
from members.enquiries.services.consultations import consultation_create
from members.enquiries.services.procurement import procurement_request_create
from members.models import PrivacyRequest, ProcurementRequest
from members.privacy.services import privacy_request_create
from tests.e2e.journeys import admin_login, shot, staff_user
from tests.factories import CategoryFactory, ProductPageFactory, site_tree
from tests.factories.catalogue import translate_snippet
from tests.factories.members import MemberFactory, StaffFactory
from tests.legal.fixtures import ZH

LANGUAGES = ["zh-hans", "en"]


def staff_in(email: str, group: str, language: str):
    user = staff_user(email, group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])
    return user


def menu(page) -> str:
    """The sidebar's text (the menu is drawn by JavaScript)."""
    expect(page.locator("#wagtail-sidebar nav").first).to_be_visible()
    return page.locator("#wagtail-sidebar").inner_text()


def icons_loaded(page) -> None:
    """Wagtail fetches its icon sprite after the page; on the test server's
    shared in-memory SQLite that request now and then meets a locked table (a
    500 page instead of icons). Reload until the icons are there, so the
    screenshot shows the screen staff see."""
    for _attempt in range(3):
        try:
            page.locator("[data-sprite] svg").first.wait_for(
                state="attached", timeout=5000
            )
            return
        except PlaywrightTimeout:
            page.reload()
    raise AssertionError("the admin's icon sprite did not load")


def the_work_of_each_role():
    """Something on each role's dashboard."""
    tree = site_tree()
    member = MemberFactory(email="buyer@example.com", company_name="华东塑料")
    late, _ = procurement_request_create(
        user=member,
        data={
            "title": "注塑机用液压油",
            "delivery_province": "上海",
            "delivery_city": "上海",
        },
        items=[{"description": "L-HM 46", "quantity": "20", "unit": "drum_200l"}],
    )
    ProcurementRequest.objects.filter(pk=late.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=3)
    )
    consultation_create(
        user=None, message="有没有 46 号液压油？", name="王先生", phone="13800000000"
    )
    product = ProductPageFactory(parent=tree.products["zh-hans"], title="抗磨液压油 46")
    product.title = "抗磨液压油 46（新包装）"
    product.save_revision()
    policy = policy_import(text=ZH, locale="zh-hans", slug="privacy", publish=True)
    Workflow.objects.filter(active=True).first().start(policy.page, StaffFactory())
    overdue = privacy_request_create(
        user=MemberFactory(), kind="deletion", details="请删除我的账户。"
    )
    PrivacyRequest.objects.filter(pk=overdue.pk).update(
        due_on=timezone.localdate() - datetime.timedelta(days=2)
    )


ROLES = {
    # role: (group, panel heading (zh, en), menu has, menu lacks (zh, en))
    "sales": (
        "Sales",
        ("待销售处理", "Waiting for sales"),
        (["采购需求", "在线咨询"], ["Quote requests", "Consultations"]),
        (["产品", "政策"], ["Products", "Policies"]),
    ),
    "legal": (
        "Legal",
        ("待翻译或待审核的政策", "Policies awaiting translation or review"),
        (["法律"], ["Legal"]),
        (["采购需求", "产品"], ["Quote requests", "Products"]),
    ),
    "editor": (
        "Editors",
        ("产品目录工作", "Catalogue work"),
        (["产品"], ["Products"]),
        (["采购需求", "个人信息请求"], ["Quote requests", "Privacy requests"]),
    ),
    "privacy_officer": (
        "Privacy Officer",
        ("个人信息请求", "Privacy requests"),
        (["会员"], ["Members"]),
        (["采购需求", "产品"], ["Quote requests", "Products"]),
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", list(ROLES))
def test_each_role_sees_its_work_and_only_its_menus(page, server, role, language):
    the_work_of_each_role()
    group, headings, has, lacks = ROLES[role]
    index = LANGUAGES.index(language)
    staff_in(f"{role}@example.com", group, language)

    admin_login(page, server, f"{role}@example.com")
    icons_loaded(page)

    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(
        page.locator(".w-panel--dashboard").filter(has_text=headings[index]).first
    ).to_be_visible()
    sidebar = menu(page)
    for label in has[index]:
        assert label in sidebar, f"{role} should see {label!r} in {sidebar!r}"
    for label in lacks[index]:
        assert label not in sidebar.split("\n"), f"{role} should not see {label!r}"
    shot(page, f"role_{role}_{language}")


def categories():
    en = site_tree().locales["en"]
    industrial = CategoryFactory(name="工业油", slug="industrial-oils")
    hydraulic = CategoryFactory(name="液压油", slug="hydraulic-oils", parent=industrial)
    CategoryFactory(name="发动机油", slug="engine-oils")
    translate_snippet(industrial, en, name="Industrial oils")
    translate_snippet(hydraulic, en, name="Hydraulic oils")
    return hydraulic


def open_category_chooser(page) -> None:
    """The chooser of the first category row (the form starts with one)."""
    chooser = page.locator("#id_category_links-0-category-chooser")
    chooser.locator("button.chooser__choose-button").click()
    expect(page.locator(".modal-content")).to_be_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_editor_searches_the_category_chooser_and_meets_a_taken_sku(
    page, server, settings, language
):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    tree = site_tree()
    categories()
    holder = ProductPageFactory(
        parent=tree.products["zh-hans"], sku="LP-HM46", title="抗磨液压油 L-HM 46"
    )
    holder.unpublish()  # a draft, e.g. left behind by an autosave
    staff_in("editor@example.com", "Editors", language)
    admin_login(page, server, "editor@example.com")

    products = tree.products["zh-hans"]
    page.goto(f"{server}/admin/pages/add/products/productpage/{products.pk}/")
    icons_loaded(page)
    page.fill("#id_title", "抗磨液压油 L-HM 46 新版")
    page.fill("input[name=sku]", "LP-HM46")

    open_category_chooser(page)
    modal = page.locator(".modal-content")
    modal.locator("input[name=q]").fill("hydraulic")
    expect(modal.get_by_text("工业油 › 液压油")).to_be_visible()
    expect(modal.get_by_text("发动机油")).to_have_count(0)
    title = "选择" if language == "zh-hans" else "Choose"
    expect(modal.locator("h1").first).to_contain_text(title)
    shot(page, f"category_chooser_search_{language}")
    modal.get_by_text("工业油 › 液压油").click()
    expect(page.locator(".modal-content")).to_have_count(0)
    expect(page.get_by_text("工业油 › 液压油").first).to_be_visible()

    add = (
        "添加规格或认证" if language == "zh-hans" else "Add a specification or approval"
    )
    page.get_by_role("button", name=add).click()
    page.fill("input[name=specifications-0-code]", "DIN 51524-2 HLP")
    page.get_by_role("button", name=add).click()
    page.fill("input[name=specifications-1-code]", "GB 11118.1 L-HM")
    if language == "zh-hans":
        shot(page, "product_form_specifications_zh-hans")

    page.locator("button[name=action-submit], footer button[type=submit]").first.click()
    conflict = page.locator(".error-message a").filter(has_text="抗磨液压油 L-HM 46")
    expect(conflict).to_be_visible()
    wording = (
        "另一个产品已在使用此 SKU" if language == "zh-hans" else "already uses this SKU"
    )
    expect(page.get_by_text(wording).first).to_be_visible()
    conflict.scroll_into_view_if_needed()
    shot(page, f"sku_conflict_link_{language}")
    conflict.click()
    page.wait_for_url(f"{server}/admin/pages/{holder.pk}/edit/")
