import pytest
from django.core.cache import cache

from tests.factories.members import MemberFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """allauth's rate limits live in the cache: each test starts with none used."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(db):
    return MemberFactory()
