"""Staff accounts start in Chinese, and their settings save without a name."""

import re

import pytest
from django.core.management import call_command
from wagtail.users.models import UserProfile

from members.models import User
from tests.factories.catalogue import BrandFactory
from tests.factories.members import MemberFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_ensure_admin_names_the_admin_and_gives_it_the_chinese_admin(client):
    BrandFactory(name="Lubpur", slug="lubpur")
    call_command("ensure_admin")
    admin = User.objects.get(email="admin@lubpur.local")
    assert admin.first_name and admin.last_name
    assert UserProfile.get_for_user(admin).preferred_language == "zh-hans"

    client.force_login(admin)
    english_browser = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}
    dashboard = client.get("/admin/", **english_browser).content.decode()
    assert "<title>控制面板 - Wagtail</title>" in dashboard
    # Wagtail's words and the project's are Chinese, though the browser asks
    # for English: the Brands listing, its Language and Updated columns.
    brands = client.get("/admin/snippets/products/brand/", **english_browser)
    html = brands.content.decode()
    assert "<title>品牌 - Wagtail</title>" in html
    assert re.search(r">\s*已更新\s*<", html) and re.search(r">\s*语言\s*<", html)
    assert not re.search(r">\s*(Updated|Language)\s*<", html)


def test_a_new_staff_account_starts_in_chinese_a_member_keeps_the_default():
    staff = StaffFactory()
    member = MemberFactory()
    assert UserProfile.get_for_user(staff).preferred_language == "zh-hans"
    assert UserProfile.get_for_user(member).preferred_language == ""


def test_a_chosen_language_is_kept_and_switches_every_project_string(client):
    BrandFactory(name="Lubpur", slug="lubpur")
    staff = StaffFactory(is_superuser=True)
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "en"
    profile.save()
    staff.save()  # saving the account again does not reset the choice
    assert UserProfile.get_for_user(staff).preferred_language == "en"

    client.force_login(staff)
    html = client.get("/admin/snippets/products/brand/").content.decode()
    assert '<html lang="en"' in html and "<title>Brands - Wagtail</title>" in html
    assert re.search(r">\s*Updated\s*<", html) and re.search(r">\s*Language\s*<", html)
    assert "已更新" not in html and "品牌" not in html


def test_account_settings_save_without_first_and_last_name(client):
    staff = StaffFactory(is_superuser=True, first_name="", last_name="")
    client.force_login(staff)
    form = client.get("/admin/account/").context["panels_by_tab"]
    data = {}
    for panels in form.values():
        for panel in panels:
            bound = panel.get_form()
            for name, field in bound.fields.items():
                value = bound.initial.get(name, field.initial)
                if value is not None and not hasattr(value, "storage"):
                    data[bound.add_prefix(name)] = value
    data["name_email-first_name"] = ""
    data["name_email-last_name"] = ""
    data["locale-preferred_language"] = "en"
    data.pop("password-old_password", None)
    data.pop("password-new_password1", None)
    data.pop("password-new_password2", None)

    response = client.post("/admin/account/", data)

    assert response.status_code == 302, response.context and [
        panel.get_form().errors
        for panels in response.context["panels_by_tab"].values()
        for panel in panels
    ]
    assert UserProfile.get_for_user(staff).preferred_language == "en"
