"""API fixtures: a signed-in member client and the page tree."""

import pytest
from django.core.cache import cache

from cms.services import site_tree_ensure
from tests.factories.members import MemberFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttles and allauth's rate limits live in the cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member_client(api_client, db):
    member = MemberFactory()
    api_client.force_authenticate(member)
    api_client.member = member
    return api_client


@pytest.fixture
def homes(db):
    return site_tree_ensure()
