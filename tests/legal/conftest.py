"""Policies imported from our fixtures, in both languages."""

import pytest

from legal.importer import policy_import

from .fixtures import EN, ZH


@pytest.fixture
def policy(tree):
    """The Chinese policy, published (version 2024-03-01), with its English text."""
    result = policy_import(text=ZH, locale="zh-hans", slug="privacy", publish=True)
    policy_import(text=EN, locale="en", slug="privacy", publish=True)
    result.page.refresh_from_db()
    return result.page
