"""Legal publishes a material version of the privacy policy in the admin; a member
who accepted the previous version then has a consent pending in the API."""

from __future__ import annotations

from legal.importer import policy_import
from legal.models import PolicyVersion
from legal.services import consent_accept
from tests.e2e.journeys import admin_login, api_get, member_token, publish, staff_user
from tests.factories.members import PASSWORD as MEMBER_PASSWORD
from tests.factories.members import MemberFactory
from tests.legal.fixtures import EN, ZH


def privacy_policy():
    result = policy_import(text=ZH, locale="zh-hans", slug="privacy", publish=True)
    policy_import(text=EN, locale="en", slug="privacy", publish=True)
    return result.page


def consents(server: str, token: str) -> dict:
    response = api_get(server, "/api/v1/me/consents/", token)
    assert response.status_code == 200, response.text
    return {item["policy"]: item for item in response.json()["results"]}


def test_legal_publishes_a_material_version_and_members_must_consent_again(
    page, server
):
    policy = privacy_policy()
    member = MemberFactory(email="consenting@example.com")
    consent_accept(
        user=member,
        version=PolicyVersion.objects.get(policy=policy),
        locale="zh-hans",
        channel="web",
    )
    token = member_token(server, member.email, MEMBER_PASSWORD)
    before = consents(server, token)["privacy"]
    assert before["requires_consent"] is False
    assert before["accepted_version"] == before["current_version"]

    staff_user("legal@example.com", "Legal")
    admin_login(page, server, "legal@example.com")
    page.goto(f"{server}/admin/pages/{policy.pk}/edit/")
    page.fill("input[name=updated_on]", "2026-11-01")
    page.fill("textarea[name=contact]", "邮箱:privacy@example.com")
    page.get_by_role("tab", name="Settings").click()
    assert page.locator("input[name=material_change]").is_checked()
    page.fill("textarea[name=change_summary]", "新增隐私联系邮箱。")
    publish(page)
    page.wait_for_url(f"{server}/admin/pages/**")
    page.wait_for_selector("text=published")

    after = consents(server, token)["privacy"]
    assert after["current_version"] != before["current_version"]
    assert after["latest_material_version"] == after["current_version"]
    assert after["accepted_version"] == before["current_version"]
    assert after["requires_consent"] is True
    page.goto(f"{server}/admin/pages/{policy.pk}/edit/")
