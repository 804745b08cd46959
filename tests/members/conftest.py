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


@pytest.fixture
def member_client(api_client, db):
    """An API client signed in as a new member (``member_client.member``)."""
    member = MemberFactory()
    api_client.force_authenticate(member)
    api_client.member = member
    return api_client
