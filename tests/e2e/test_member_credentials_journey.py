"""Staff see a member's login identifiers read-only in the admin, and the member's
history says who changed what (issue 14), in English and in Chinese."""

from __future__ import annotations

from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from tests.e2e.journeys import admin_login, shot, staff_user
from tests.factories.members import MemberFactory


def test_sales_see_credentials_read_only_and_their_change_in_the_history(page, server):
    member = MemberFactory(
        email="buyer-credentials@example.com",
        phone="+8613812340000",
        company_name="Huadong Plastics",
    )
    sales = staff_user("sales-credentials@example.com", "Sales")
    sales.first_name, sales.last_name = "Mei", "Chen"
    sales.save()
    admin_login(page, server, sales.email)

    page.goto(f"{server}/admin/members/edit/{member.pk}/")
    expect(page.get_by_text("+8613812340000")).to_be_visible()
    expect(page.locator("input[name=phone]")).to_have_count(0)
    expect(page.locator("input[name=email]")).to_have_count(0)
    page.fill("input[name=company_name]", "Huadong Plastics (Kunshan)")
    shot(page, "member_edit_credentials_read_only_en")
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_url(f"{server}/admin/members/")

    page.goto(f"{server}/admin/members/history/{member.pk}/")
    expect(page.get_by_text("Changed: Company name")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Changed: Company name")
    expect(row).to_contain_text("Mei Chen")
    shot(page, "member_history_en")

    profile = UserProfile.get_for_user(sales)
    profile.preferred_language = "zh-hans"
    profile.save(update_fields=["preferred_language"])
    page.goto(f"{server}/admin/members/history/{member.pk}/")
    expect(page.get_by_text("已更改：公司名称")).to_be_visible()
    shot(page, "member_history_zh_hans")
    page.goto(f"{server}/admin/members/edit/{member.pk}/")
    expect(page.locator("input[name=phone]")).to_have_count(0)
    shot(page, "member_edit_credentials_read_only_zh_hans")


def test_a_superuser_sees_no_password_fields_for_a_member_under_users(page, server):
    member = MemberFactory(email="buyer-users@example.com")
    admin = staff_user("root-credentials@example.com", superuser=True)
    admin_login(page, server, admin.email)
    page.goto(f"{server}/admin/users/edit/{member.pk}/")
    expect(page.locator("input[name=email]")).to_be_disabled()
    expect(page.locator("input[name=password1]")).to_have_count(0)
    expect(
        page.get_by_text("Only the member changes it (with verification), not staff.")
    ).to_be_visible()
    shot(page, "users_edit_member_en")

    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "zh-hans"
    profile.save(update_fields=["preferred_language"])
    page.goto(f"{server}/admin/users/edit/{member.pk}/")
    expect(
        page.get_by_text("只能由会员本人（经验证）修改，员工不能修改。")
    ).to_be_visible()
    shot(page, "users_edit_member_zh_hans")
