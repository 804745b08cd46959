"""Signed webhooks on publish, unpublish and delete (sent through a mocked
transport, never the network), their retries and log; and the frontend-cache
purge of a page's API URLs."""

from __future__ import annotations

import hashlib
import hmac
import json

import httpx
import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend

from cms.models import WebhookDelivery, WebhookEndpoint
from delivery import sending
from tests.factories import ProductPageFactory, translate

pytestmark = pytest.mark.django_db

SECRET = "s3cret-for-tests"


class Receiver:
    """An ``httpx.MockTransport`` handler answering with the queued statuses."""

    def __init__(self, *statuses: int):
        self.statuses = list(statuses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        status = self.statuses.pop(0) if self.statuses else 200
        if status == 0:
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(status, text="ok" if status < 400 else "nope")


@pytest.fixture
def receiver(monkeypatch):
    def install(*statuses: int) -> Receiver:
        handler = Receiver(*statuses)
        monkeypatch.setattr(sending, "TRANSPORT", httpx.MockTransport(handler))
        return handler

    return install


@pytest.fixture
def endpoint(db):
    return WebhookEndpoint.objects.create(
        name="Next.js", url="https://frontend.example.com/api/revalidate", secret=SECRET
    )


def verify(request: httpx.Request) -> dict:
    timestamp = request.headers["X-Lubpur-Timestamp"]
    expected = hmac.new(
        SECRET.encode(), timestamp.encode() + b"." + request.content, hashlib.sha256
    ).hexdigest()
    assert request.headers["X-Lubpur-Signature"] == f"sha256={expected}"
    return json.loads(request.content)


def test_publishing_sends_a_signed_payload_with_translations_and_listings(
    tree, endpoint, receiver, django_capture_on_commit_callbacks
):
    got = receiver(200)
    product = ProductPageFactory(parent=tree.products["zh-hans"], sku="LP-HM46")
    english = translate(product, tree.locales["en"], title="Hydraulic oil")
    got.requests.clear()
    WebhookDelivery.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        product.save_revision().publish()
    (request,) = got.requests
    assert request.url == endpoint.url
    assert request.headers["X-Lubpur-Event"] == "page.published"
    payload = verify(request)
    assert payload["page"]["id"] == product.pk
    assert payload["page"]["path"] == "/zh-hans/products/lp-hm46/"
    assert "/api/v1/products/lp-hm46/?locale=zh-hans" in payload["page"]["api_urls"]
    assert payload["translations"] == [
        {
            "id": english.pk,
            "locale": "en",
            "path": "/en/products/lp-hm46/",
            "live": True,
        }
    ]
    assert payload["listings"] == ["/zh-hans/products/"]
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == (
        "delivered",
        1,
        200,
    )


def test_a_failing_endpoint_is_retried_with_backoff_until_it_answers(
    tree, endpoint, receiver, django_capture_on_commit_callbacks
):
    product = ProductPageFactory(parent=tree.products["zh-hans"])
    got = receiver(503, 0, 200)
    with django_capture_on_commit_callbacks(execute=True):
        product.unpublish()
    assert len(got.requests) == 3
    assert {r.headers["X-Lubpur-Delivery"] for r in got.requests} == {
        str(WebhookDelivery.objects.get().pk)
    }
    delivery = WebhookDelivery.objects.get()
    assert (delivery.event, delivery.status, delivery.attempts) == (
        "page.unpublished",
        "delivered",
        3,
    )
    assert sending.backoff(1).total_seconds() == 30
    assert sending.backoff(3).total_seconds() == 120


def test_a_delivery_gives_up_after_the_last_attempt_and_logs_the_error(
    tree, endpoint, receiver, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    endpoint.events = ["page.deleted"]  # deleting a live page also unpublishes it
    endpoint.save()
    product = ProductPageFactory(parent=tree.products["zh-hans"])
    got = receiver(500, 500, 500, 500)
    with django_capture_on_commit_callbacks(execute=True):
        product.delete()
    assert len(got.requests) == 3
    delivery = WebhookDelivery.objects.get()
    assert (delivery.event, delivery.status, delivery.response_code) == (
        "page.deleted",
        "failed",
        500,
    )
    assert delivery.last_error.startswith("HTTP 500")


def test_a_client_error_fails_at_once(
    tree, endpoint, receiver, django_capture_on_commit_callbacks
):
    product = ProductPageFactory(parent=tree.products["zh-hans"])
    got = receiver(401)
    with django_capture_on_commit_callbacks(execute=True):
        product.unpublish()
    assert len(got.requests) == 1
    assert WebhookDelivery.objects.get().status == "failed"


def test_endpoints_receive_only_their_events_and_locales(
    tree, endpoint, receiver, django_capture_on_commit_callbacks
):
    WebhookEndpoint.objects.create(
        name="English site",
        url="https://en.example.com/hook",
        secret="x",
        locales=["en"],
    )
    WebhookEndpoint.objects.create(
        name="Deletions",
        url="https://d.example.com/hook",
        secret="x",
        events=["page.deleted"],
    )
    WebhookEndpoint.objects.create(
        name="Off", url="https://off.example.com/hook", secret="x", active=False
    )
    product = ProductPageFactory(parent=tree.products["zh-hans"])
    got = receiver()
    with django_capture_on_commit_callbacks(execute=True):
        product.unpublish()
    assert [str(r.url) for r in got.requests] == [endpoint.url]


class RecordingBackend(BaseBackend):
    purged: list[str] = []

    def __init__(self, params):
        super().__init__(params)

    def purge(self, url):
        RecordingBackend.purged.append(url)


def test_publish_and_unpublish_purge_the_api_urls(tree, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {"BACKEND": "tests.delivery.test_webhooks.RecordingBackend"}
    }
    RecordingBackend.purged = []
    product = ProductPageFactory(parent=tree.products["zh-hans"], sku="LP-X1")
    product.save_revision().publish()
    base = "http://testserver/api/v1/"
    assert {
        f"{base}products/lp-x1/",
        f"{base}products/lp-x1/?locale=zh-hans",
        f"{base}products/?locale=zh-hans",
        f"{base}pages/find/?path=%2Fzh-hans%2Fproducts%2Flp-x1%2F",
    } <= set(RecordingBackend.purged)
    RecordingBackend.purged = []
    product.unpublish()
    assert f"{base}products/lp-x1/" in RecordingBackend.purged


def test_no_purge_without_configuration(tree, settings, monkeypatch):
    from delivery import purge

    called = []
    monkeypatch.setattr(purge, "purge_urls_from_cache", called.append)
    settings.WAGTAILFRONTENDCACHE = {}
    ProductPageFactory(parent=tree.products["zh-hans"]).save_revision().publish()
    assert called == []
