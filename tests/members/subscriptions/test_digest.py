"""The subscription digest: new products and guides for each subscriber's topics
and language, never twice; open/click tracking only with consent, stopped by
withdrawing it; tracked links never redirect off the frontend."""

import io
import re
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.signing import TimestampSigner
from django.utils import timezone

from members.models import DigestDelivery, Subscription
from members.subscriptions.consents import tracking_consent_set
from members.subscriptions.digest import TRACK_SALT, digest_send_all, track_token
from members.subscriptions.tasks import digest_send_task
from tests.factories.members import MemberFactory
from tests.factories.pages import guide_page, product_page, translate

pytestmark = pytest.mark.django_db
FRONTEND = "http://localhost:3000"


@pytest.fixture(autouse=True)
def _urls(settings):
    settings.FRONTEND_URL = FRONTEND
    settings.EMAIL_LINK_ALLOWED_ORIGINS = [FRONTEND]
    settings.API_BASE_URL = "https://cms.example.com"


def published(page, days_ago: float):
    type(page).objects.filter(pk=page.pk).update(
        first_published_at=timezone.now() - timedelta(days=days_ago)
    )
    return page


def subscriber(email="reader@example.com", topics=("new_products",), **fields):
    fields.setdefault("confirmed_at", timezone.now() - timedelta(days=10))
    return Subscription.objects.create(
        email=email, topics=list(topics), status="confirmed", **fields
    )


def digests_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_each_subscriber_gets_new_items_for_their_topics_once(
    tree, django_capture_on_commit_callbacks
):
    old = published(product_page(tree, "LP-OLD", title="旧产品"), 20)
    new = published(product_page(tree, "LP-NEW", title="新产品"), 1)
    guide = published(guide_page(tree, "winter-oil", title="冬季选油"), 2)
    products = subscriber("p@example.com")
    guides = subscriber("g@example.com", topics=["guides_tips"])
    subscriber("offers@example.com", topics=["special_offers"])
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digest", stdout=io.StringIO())
    [to_products] = digests_to("p@example.com")
    [to_guides] = digests_to("g@example.com")
    assert digests_to("offers@example.com") == []
    assert "新产品" in to_products.body and "旧产品" not in to_products.body
    assert f"{FRONTEND}/zh-hans/products/lp-new/" in to_products.body
    assert "冬季选油" not in to_products.body and "冬季选油" in to_guides.body
    assert to_products.subject.endswith("超润新品与指南")
    html = to_products.alternatives[0][0]
    assert f'href="{FRONTEND}/zh-hans/products/lp-new/"' in html
    assert "/t/open/" not in html and "/t/click/" not in html
    assert to_products.extra_headers["List-Unsubscribe-Post"] == (
        "List-Unsubscribe=One-Click"
    )
    assert (
        "/api/v1/subscriptions/unsubscribe/?token="
        in to_products.extra_headers["List-Unsubscribe"]
    )
    delivery = DigestDelivery.objects.get(subscription=products)
    assert delivery.page_ids == [new.pk] and not delivery.tracked
    assert old.pk and guide.pk and guides.pk

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert digest_send_all() == 0  # nothing new: nothing twice
    assert mail.outbox == []

    later = published(product_page(tree, "LP-LATER", title="更新的产品"), 0)
    with django_capture_on_commit_callbacks(execute=True):
        assert digest_send_all() == 1
    [second] = mail.outbox
    assert "更新的产品" in second.body and "新产品：" not in second.body
    assert DigestDelivery.objects.filter(subscription=products).count() == 2
    assert later.pk


def test_the_digest_is_in_the_subscribers_language(
    tree, django_capture_on_commit_callbacks
):
    product = published(product_page(tree, "LP-EN", title="液压油"), 1)
    english = translate(product, tree, title="Hydraulic oil", summary="AW oil")
    published(english, 1)
    subscriber("en@example.com", locale="en")
    subscriber("zh@example.com", locale="zh-hans")
    with django_capture_on_commit_callbacks(execute=True):
        digest_send_all()
    [en] = digests_to("en@example.com")
    [zh] = digests_to("zh@example.com")
    assert en.subject.endswith("New at Lubpur: products and guides")
    assert "Hydraulic oil" in en.body and f"{FRONTEND}/en/products/lp-en/" in en.body
    assert "液压油" in zh.body and "Hydraulic oil" not in zh.body


def test_unconfirmed_unsubscribed_and_earlier_items_are_not_sent(
    tree, django_capture_on_commit_callbacks
):
    published(product_page(tree, "LP-1"), 5)
    Subscription.objects.create(email="pending@example.com", topics=["new_products"])
    gone = subscriber("gone@example.com")
    gone.status = "unsubscribed"
    gone.save()
    subscriber("late@example.com", confirmed_at=timezone.now() - timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert digest_send_all() == 0
    assert mail.outbox == []


def test_the_scheduled_task_sends_the_same_digest(
    tree, django_capture_on_commit_callbacks
):
    published(product_page(tree, "LP-T"), 1)
    subscriber()
    with django_capture_on_commit_callbacks(execute=True):
        result = digest_send_task.enqueue()
    assert result.return_value == 1
    assert len(mail.outbox) == 1


# --- tracking ----------------------------------------------------------------------


def _send(django_capture_on_commit_callbacks) -> DigestDelivery:
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        digest_send_all()
    return DigestDelivery.objects.order_by("-pk").first()


def test_tracking_only_with_consent_and_it_stops_when_withdrawn(
    api_client, tree, django_capture_on_commit_callbacks
):
    published(product_page(tree, "LP-TR"), 3)
    sub = subscriber()
    tracking_consent_set(user=None, email=sub.email, granted=True)
    delivery = _send(django_capture_on_commit_callbacks)
    assert delivery.tracked
    html = mail.outbox[0].alternatives[0][0]
    # The e-mail's own token (signed with the second it was sent, so not
    # recomputed here): it names this delivery.
    pixel_url = re.search(
        r'"https://cms\.example\.com/api/v1/subscriptions/t/open/([^"]+)\.gif"', html
    )
    assert pixel_url
    token = pixel_url.group(1)
    assert TimestampSigner(salt=TRACK_SALT).unsign(token) == str(delivery.pk)
    assert f"/api/v1/subscriptions/t/click/{token}?u=" in html

    pixel = api_client.get(f"/api/v1/subscriptions/t/open/{token}.gif")
    assert pixel.status_code == 200 and pixel["Content-Type"] == "image/gif"
    target = f"{FRONTEND}/zh-hans/products/lp-tr/"
    click = api_client.get(
        f"/api/v1/subscriptions/t/click/{token}?u={quote(target, safe='')}"
    )
    assert click.status_code == 302 and click["Location"] == target
    delivery.refresh_from_db()
    assert delivery.opened_at and delivery.clicked_at and delivery.click_count == 1

    # withdrawn: hits on the old e-mail count nothing, the next one has no tracking
    tracking_consent_set(user=None, email=sub.email, granted=False)
    api_client.get(f"/api/v1/subscriptions/t/click/{token}?u={quote(target, safe='')}")
    delivery.refresh_from_db()
    assert delivery.click_count == 1
    published(product_page(tree, "LP-TR2"), 0)
    second = _send(django_capture_on_commit_callbacks)
    assert second.pk != delivery.pk and not second.tracked
    assert "/t/open/" not in mail.outbox[0].alternatives[0][0]
    sub.refresh_from_db()
    assert sub.status == "confirmed"  # still subscribed


def test_hits_without_consent_record_nothing(
    api_client, tree, django_capture_on_commit_callbacks
):
    published(product_page(tree, "LP-NC"), 1)
    subscriber()
    delivery = _send(django_capture_on_commit_callbacks)
    token = track_token(delivery)
    assert (
        api_client.get(f"/api/v1/subscriptions/t/open/{token}.gif").status_code == 200
    )
    delivery.refresh_from_db()
    assert delivery.opened_at is None


def test_a_members_tracking_follows_their_purpose_consent(
    tree, django_capture_on_commit_callbacks
):
    published(product_page(tree, "LP-M"), 1)
    member = MemberFactory()
    subscriber(member.email, user=member)
    tracking_consent_set(user=member, email=member.email, granted=True)
    assert _send(django_capture_on_commit_callbacks).tracked


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "http://localhost:3000@evil.example/",
        "javascript:alert(1)",
        "/zh-hans/products/",
        "http://localhost:3000\\@evil.example",
        "",
    ],
)
def test_tracked_links_never_redirect_off_the_frontend(api_client, target):
    response = api_client.get(
        f"/api/v1/subscriptions/t/click/anything?u={quote(target, safe='')}"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_redirect"


def test_a_tampered_tracking_token_still_redirects_but_counts_nothing(
    api_client, tree, django_capture_on_commit_callbacks
):
    published(product_page(tree, "LP-X"), 1)
    sub = subscriber()
    tracking_consent_set(user=None, email=sub.email, granted=True)
    delivery = _send(django_capture_on_commit_callbacks)
    forged = f"{delivery.pk}:forged"
    target = f"{FRONTEND}/zh-hans/"
    response = api_client.get(
        f"/api/v1/subscriptions/t/click/{forged}?u={quote(target, safe='')}"
    )
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.click_count == 0
