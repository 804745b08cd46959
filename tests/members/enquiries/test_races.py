"""Two threads at once, on real transactions: a favorite added twice and a
procurement request retried with one idempotency key each make one row.

These are transactional tests (each thread has its own connection and commits).
pytest-django runs transactional tests after the others, in file order, so these run
before ``tests/e2e``: they build the little data they need themselves, and the
browser tests restore the migrations' rows (root page, groups) a flush removes.
"""

import threading

import pytest
from django.db import close_old_connections
from wagtail.models import Locale, Page

from members.activity.services import favorite_add
from members.enquiries.services.procurement import procurement_request_create
from members.models import Favorite, ProcurementRequest
from products.models import ProductPage
from tests.factories.members import MemberFactory
from tests.members.concurrency import sqlite_retrying

RACE = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def race(call, runs: int = 2) -> tuple[list, list]:
    """Start ``runs`` threads at one barrier; their results and exceptions."""
    barrier = threading.Barrier(runs)
    results, errors = [], []

    def run():
        try:
            barrier.wait(timeout=10)
            results.append(sqlite_retrying(call))
        except Exception as exc:  # noqa: BLE001 - reported by the caller's assert
            errors.append(exc)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=run) for _ in range(runs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def live_product() -> ProductPage:
    locale, _ = Locale.objects.get_or_create(language_code="zh-hans")
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    return root.add_child(
        instance=ProductPage(title="竞速", slug="lp-race", sku="LP-RACE", locale=locale)
    )


@RACE
def test_two_simultaneous_favorite_adds_make_one_row():
    product, member = live_product(), MemberFactory()
    results, errors = race(lambda: favorite_add(user=member, page_id=product.pk))
    assert errors == []
    assert sorted(created for _favorite, created in results) == [False, True]
    assert Favorite.objects.filter(user=member).count() == 1


@RACE
def test_two_simultaneous_retries_with_one_idempotency_key_make_one_request():
    member = MemberFactory()
    data = {"title": "RFQ", "delivery_province": "上海市", "delivery_city": "上海市"}
    items = [{"description": "机油", "quantity": "1", "unit": "t"}]
    results, errors = race(
        lambda: procurement_request_create(
            user=member, data=data, items=items, idempotency_key="same"
        )
    )
    assert errors == []
    assert sorted(created for _request, created in results) == [False, True]
    assert len({request.pk for request, _created in results}) == 1
    assert ProcurementRequest.objects.filter(user=member).count() == 1


@RACE
def test_two_overlapping_digest_runs_mail_a_subscriber_once():
    from datetime import timedelta

    from django.core import mail
    from django.utils import timezone

    from members.models import DigestDelivery, Subscription
    from members.subscriptions.digest import digest_send_one

    product = live_product()
    ProductPage.objects.filter(pk=product.pk).update(
        first_published_at=timezone.now() - timedelta(hours=1)
    )
    sub = Subscription.objects.create(
        email="race@example.com",
        topics=["new_products"],
        status="confirmed",
        confirmed_at=timezone.now() - timedelta(days=1),
    )
    mail.outbox = []
    results, errors = race(lambda: digest_send_one(subscription_id=sub.pk))
    assert errors == []
    assert len([found for found in results if found is not None]) == 1
    assert DigestDelivery.objects.filter(subscription=sub).count() == 1
    assert len(mail.outbox) == 1
