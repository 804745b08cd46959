"""core's tests: an empty SMS outbox, and the fake providers and WeChat."""

from __future__ import annotations

import pytest

from core import sms
from tests.fakes.fixtures import aliyun, tencent, wechat  # noqa: F401


@pytest.fixture(autouse=True)
def empty_sms_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()
