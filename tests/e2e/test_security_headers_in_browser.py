"""The admin and the API docs work in Chromium with their Content-Security-Policy."""

from tests.e2e.journeys import admin_login, staff_user


def test_admin_dashboard_renders_under_its_csp(page, server):
    staff_user("editor@example.com", "Editors")
    admin_login(page, server, "editor@example.com")
    response = page.goto(f"{server}/admin/pages/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector("main")
    assert page.locator("#wagtail-sidebar, [data-wagtail-sidebar]").count() >= 1
    assert page.csp_violations == [], "\n".join(page.csp_violations)


def test_swagger_ui_renders_the_schema_under_its_csp(page, server):
    response = page.goto(f"{server}/api/docs/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split(";")[1]
    page.wait_for_selector(".swagger-ui .info .title")
    assert "Lubpur CMS API" in page.inner_text(".swagger-ui .info .title")
    page.wait_for_selector(".opblock")
    assert page.csp_violations == [], "\n".join(page.csp_violations)
