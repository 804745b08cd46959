"""The webhook screens of the Wagtail admin: endpoints to manage, and a delivery
log to filter, search and inspect (but not to edit)."""

from __future__ import annotations

import pytest

from cms.models import WebhookDelivery, WebhookEndpoint
from tests.factories.members import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(StaffFactory(is_superuser=True))
    return client


@pytest.fixture
def log(db):
    shop = WebhookEndpoint.objects.create(
        name="Shop", url="https://shop.example.com/hook", secret="x"
    )
    blog = WebhookEndpoint.objects.create(
        name="Blog", url="https://blog.example.com/hook", secret="x"
    )
    payload = {"page": {"title": "抗磨液压油"}}
    return {
        "delivered": WebhookDelivery.objects.create(
            endpoint=shop, event="page.published", payload=payload, status="delivered"
        ),
        "failed": WebhookDelivery.objects.create(
            endpoint=blog,
            event="page.deleted",
            payload={"page": {"title": "齿轮油"}},
            status="failed",
            last_error="HTTP 500: boom",
        ),
    }


def test_the_log_filters_by_status_endpoint_and_event(admin_client, log):
    url = "/admin/webhook_deliveries/"
    shop, blog = str(log["delivered"]), str(log["failed"])

    def rows(**params) -> set[str]:
        response = admin_client.get(url, params)
        assert response.status_code == 200
        return {row for row in (shop, blog) if row in response.content.decode()}

    assert rows() == {shop, blog}
    assert rows(status="failed") == {blog}
    assert rows(endpoint=log["delivered"].endpoint_id) == {shop}
    assert rows(event="page.deleted") == {blog}
    assert rows(q="boom") == {blog}


def test_a_delivery_can_be_inspected_but_not_edited(admin_client, log):
    pk = log["failed"].pk
    inspect = admin_client.get(f"/admin/webhook_deliveries/inspect/{pk}/")
    assert inspect.status_code == 200 and "HTTP 500: boom" in inspect.content.decode()
    assert admin_client.get(f"/admin/webhook_deliveries/edit/{pk}/").status_code in (
        302,
        403,
    )
    assert admin_client.get("/admin/webhook_deliveries/new/").status_code in (302, 403)


def test_an_editor_adds_an_endpoint(admin_client):
    response = admin_client.post(
        "/admin/webhook_endpoints/new/",
        {
            "name": "Next.js",
            "url": "https://frontend.example.com/api/revalidate",
            "secret": "a-long-secret",
            "events": '["page.published"]',
            "locales": "[]",
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["page.published"] and endpoint.active
