"""Staff cannot change a member's login identifiers or password in the admin; what
they may change is logged (who, and which fields — not the values) and shown in the
member's history (issue 14)."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from members.accounts.admin import ACCOUNT_EDIT
from members.accounts.services import user_anonymise
from members.models import Member, User
from tests.factories.members import PASSWORD, MemberFactory, StaffFactory

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "an entirely new secret 99"


def member_log(member: User):
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(
            Member, for_concrete_model=False
        ),
        object_id=str(member.pk),
        action=ACCOUNT_EDIT,
    )


def sales_staff() -> User:
    sales = StaffFactory(first_name="Xiao", last_name="Sales")
    sales.groups.add(Group.objects.get(name="Sales"))
    return sales


def members_form(member: User, **changes) -> dict:
    data = {
        "email": member.email,
        "display_name": member.display_name,
        "phone": member.phone,
        "wechat_id": member.wechat_id,
        "qq": member.qq,
        "contact_address": member.contact_address,
        "company_name": member.company_name,
        "company_address": member.company_address,
        "position": member.position,
        "preferred_language": member.preferred_language,
        "customer_service": "",
    }
    return {**data, **changes}


def users_form(account: User, **changes) -> dict:
    data = {
        "email": account.email,
        "first_name": account.first_name or "A",
        "last_name": account.last_name or "B",
        "is_active": "on" if account.is_active else "",
        "password1": "",
        "password2": "",
        "groups": [],
    }
    return {**data, **changes}


def test_sales_cannot_change_a_members_email_or_phone_and_their_edit_is_logged(client):
    sales = sales_staff()
    member = MemberFactory(company_name="Old Trading Ltd")
    email, phone = member.email, member.phone
    client.force_login(sales)

    page = client.get(f"/admin/members/edit/{member.pk}/").content.decode()
    assert 'name="phone"' not in page and 'name="email"' not in page
    assert phone in page  # shown, read-only

    response = client.post(
        f"/admin/members/edit/{member.pk}/",
        members_form(
            member,
            email="attacker@example.com",
            phone="+8613900000001",
            company_name="New Trading Ltd",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    member.refresh_from_db()
    assert (member.email, member.phone) == (email, phone)
    assert member.company_name == "New Trading Ltd"

    entry = member_log(member).get()
    assert entry.user_id == sales.pk
    assert entry.data == {"fields": ["company_name"]}
    assert "New Trading" not in str(entry.data)


def test_the_members_history_shows_who_changed_which_fields(client):
    sales = sales_staff()
    member = MemberFactory()
    client.force_login(sales)
    client.post(
        f"/admin/members/edit/{member.pk}/",
        members_form(member, position="Director", qq="123456"),
    )
    # Sales' admin is Chinese by default; this one reads English.
    profile = UserProfile.get_for_user(sales)
    profile.preferred_language = "en"
    profile.save()
    html = client.get(f"/admin/members/history/{member.pk}/").content.decode()
    assert "Changed: Position, QQ number" in html
    assert "Xiao Sales" in html
    assert "Director" not in html and "123456" not in html

    profile.preferred_language = "zh-hans"
    profile.save()
    html = client.get(f"/admin/members/history/{member.pk}/").content.decode()
    assert "已更改：职位、QQ 号" in html


def test_an_unchanged_save_logs_nothing(client):
    member = MemberFactory()
    client.force_login(sales_staff())
    response = client.post(f"/admin/members/edit/{member.pk}/", members_form(member))
    assert response.status_code == 302
    assert not member_log(member).exists()


def test_even_a_superuser_cannot_change_a_members_email_or_password_in_users(client):
    admin = StaffFactory(is_superuser=True)
    member = MemberFactory(first_name="Old", last_name="Wang")
    email = member.email
    client.force_login(admin)

    page = client.get(f"/admin/users/edit/{member.pk}/").content.decode()
    assert 'name="password1"' not in page
    assert re.search(r'<input[^>]*name="email"[^>]*disabled', page)

    response = client.post(
        f"/admin/users/edit/{member.pk}/",
        users_form(
            member,
            email="attacker@example.com",
            first_name="New",
            password1=NEW_PASSWORD,
            password2=NEW_PASSWORD,
            is_active="",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    member.refresh_from_db()
    assert member.email == email
    assert member.check_password(PASSWORD) and not member.check_password(NEW_PASSWORD)
    assert member.first_name == "New" and not member.is_active

    entry = member_log(member).get()
    assert entry.user_id == admin.pk
    assert entry.data == {"fields": ["first_name", "is_active"]}


def test_a_superuser_still_sets_a_staff_accounts_password_and_the_log_names_it(
    client,
):
    admin = StaffFactory(is_superuser=True)
    colleague = StaffFactory(email="colleague@lubpur.example")
    client.force_login(admin)
    response = client.post(
        f"/admin/users/edit/{colleague.pk}/",
        users_form(colleague, password1=NEW_PASSWORD, password2=NEW_PASSWORD),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    colleague.refresh_from_db()
    assert colleague.check_password(NEW_PASSWORD)
    entry = ModelLogEntry.objects.get(object_id=str(colleague.pk), action=ACCOUNT_EDIT)
    assert entry.user_id == admin.pk
    assert entry.data == {"fields": ["password"]}
    assert NEW_PASSWORD not in str(entry.data)


def test_a_user_manager_who_is_not_superuser_changes_no_ones_credentials(client):
    manager = StaffFactory()
    manager.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_user"),
    )
    colleague = StaffFactory(email="colleague@lubpur.example")
    client.force_login(manager)
    page = client.get(f"/admin/users/edit/{colleague.pk}/").content.decode()
    assert 'name="password1"' not in page
    response = client.post(
        f"/admin/users/edit/{colleague.pk}/",
        users_form(
            colleague,
            email="mine@lubpur.example",
            password1=NEW_PASSWORD,
            password2=NEW_PASSWORD,
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    colleague.refresh_from_db()
    assert colleague.email == "colleague@lubpur.example"
    assert colleague.check_password(PASSWORD)


def test_bulk_deactivation_of_members_is_logged(client):
    admin = StaffFactory(is_superuser=True)
    members = [MemberFactory(), MemberFactory()]
    client.force_login(admin)
    ids = "&".join(f"id={m.pk}" for m in members)
    response = client.post(
        f"/admin/bulk/members/user/set_active_state/?{ids}",
        {"mark_as_active": "False"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    for member in members:
        member.refresh_from_db()
        assert not member.is_active
        entry = member_log(member).get()
        assert (entry.user_id, entry.data) == (admin.pk, {"fields": ["is_active"]})


def test_erasure_forgets_the_members_name_in_the_members_history(client):
    member = MemberFactory(display_name="王经理-unique")
    client.force_login(sales_staff())
    client.post(
        f"/admin/members/edit/{member.pk}/", members_form(member, position="CEO")
    )
    assert member_log(member).get().label == "王经理-unique"
    user_anonymise(member)
    entry = member_log(member).get()
    assert "王经理" not in entry.label and entry.data == {}


def test_an_account_added_under_users_is_staff_and_not_a_member(client):
    client.force_login(StaffFactory(is_superuser=True))
    response = client.post(
        "/admin/users/new/",
        {
            "email": "new-colleague@lubpur.example",
            "first_name": "New",
            "last_name": "Colleague",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
            "groups": [Group.objects.get(name="Sales").pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    account = User.objects.get(email="new-colleague@lubpur.example")
    assert account.is_staff and not account.is_member
    assert not Member.objects.filter(pk=account.pk).exists()


def test_a_superuser_changing_their_own_password_stays_signed_in(client):
    admin = StaffFactory(is_superuser=True, first_name="Root", last_name="Admin")
    client.force_login(admin)
    response = client.post(
        f"/admin/users/edit/{admin.pk}/",
        {
            "email": admin.email,
            "first_name": "Root",
            "last_name": "Admin",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    admin.refresh_from_db()
    assert admin.check_password(NEW_PASSWORD)
    assert client.get("/admin/").status_code == 200
