"""Steps the browser journeys share: staff accounts and signing into the admin."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD = "correct horse battery staple 7"


def staff_user(email: str, *groups: str, superuser: bool = False):
    """A staff account in the named groups (the groups' migrations made them)."""
    user = get_user_model().objects.create_user(
        email=email, password=PASSWORD, is_superuser=superuser
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def admin_login(page, server: str, email: str) -> None:
    """Sign in through the Wagtail login form and land on the dashboard."""
    page.goto(f"{server}/admin/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/admin/")
