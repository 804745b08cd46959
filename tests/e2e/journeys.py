"""Steps the browser journeys share: staff accounts, signing into the admin, and
reading the API as a member."""

from __future__ import annotations

from pathlib import Path

import httpx
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

PASSWORD = "correct horse battery staple 7"
SCREENSHOTS = Path(__file__).parent / "screenshots"


def staff_user(email: str, *groups: str, superuser: bool = False):
    """A staff account in the named groups (the groups' migrations made them)."""
    user = get_user_model().objects.create_user(
        email=email, password=PASSWORD, is_superuser=superuser, is_staff=True
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    # New staff start in Chinese (members.accounts.staff); these journeys find
    # buttons by their English names, so their accounts choose English.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save(update_fields=["preferred_language"])
    return user


def admin_login(page, server: str, email: str) -> None:
    """Sign in through the Wagtail login form and land on the dashboard."""
    page.goto(f"{server}/admin/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server}/admin/")


def member_token(server: str, email: str, password: str) -> str:
    """Sign a member in the way an app does; their allauth session token."""
    response = httpx.post(
        f"{server}/api/v1/auth/app/v1/auth/login",
        json={"email": email, "password": password},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return response.json()["meta"]["session_token"]


def api_get(
    server: str, path: str, token: str | None = None, **params
) -> httpx.Response:
    headers = {"X-Session-Token": token} if token else {}
    return httpx.get(f"{server}{path}", headers=headers, params=params, timeout=30)


def shot(page, name: str) -> None:
    """A screenshot of a step on the way (the last screen is saved anyway)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def publish(page) -> None:
    """Press Publish in the page editor's footer (it sits in the Save menu)."""
    button = page.locator("button[name=action-publish]")
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    button.click()


def localize_submit(page, server: str, source_id: int) -> None:
    """wagtail-localize's "Translate this page" into English; lands in its editor."""
    page.goto(f"{server}/admin/localize/submit/page/{source_id}/")
    english = page.get_by_label("English")
    if not english.is_checked():
        english.check()
    page.get_by_role("button", name="Submit").click()
    page.wait_for_selector("text=Translate", timeout=30_000)


def localize_translate(page, strings: dict[str, str]) -> None:
    """In wagtail-localize's editor, translate each source string and save it
    (Enter saves the segment)."""
    saved = page.get_by_role("button", name="Edit", exact=True)
    for source, translation in strings.items():
        before = saved.count()
        translate = page.get_by_role("button", name="Translate", exact=True)
        # The innermost list item holding both the source string and a button.
        row = page.locator("li").filter(has_text=source).filter(has=translate).last
        row.get_by_role("button", name="Translate", exact=True).first.click()
        page.locator(":focus").fill(translation)
        page.keyboard.press("Enter")
        expect(saved).to_have_count(before + 1)
