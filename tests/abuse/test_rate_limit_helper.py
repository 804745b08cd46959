"""The rate-limit proof helper passes on a correctly limited endpoint and fails on
one that is not limited or gives no ``Retry-After``."""

import pytest
from django.core.cache import cache

from tests.abuse.ratelimit import assert_rate_limited

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.abuse.throttled_urls")]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_throttled_endpoint_refuses_the_fourth_attempt_with_retry_after(client):
    refused = assert_rate_limited(
        lambda _: client.post("/api/v1/probe/"), limit=3, window=60
    )
    assert refused.json()["code"] == "throttled"


def test_the_helper_fails_when_the_limit_is_higher_than_claimed(client):
    with pytest.raises(AssertionError, match="attempt 3 answered 200, not 429"):
        assert_rate_limited(lambda _: client.post("/api/v1/probe/"), limit=2, window=60)


def test_the_helper_fails_when_the_window_is_wrong(client):
    with pytest.raises(AssertionError, match="does not match a 3600s window"):
        assert_rate_limited(
            lambda _: client.post("/api/v1/probe/"), limit=3, window=3600
        )
