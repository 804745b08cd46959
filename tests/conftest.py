"""Shared fixtures: the two locales and a member API client."""

import pytest
from rest_framework.test import APIClient
from wagtail.models import Locale


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def locales(db):
    """The source locale (zh-hans, made by migrations) and English."""
    zh = Locale.objects.get(language_code="zh-hans")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return {"zh-hans": zh, "en": en}


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test writes uploads to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
