"""Fixtures for the fake outside services, with settings pointing at them.

Import them into a ``conftest.py`` to use them (``tests/conftest.py`` does).
"""

from __future__ import annotations

import pytest
from django.core.cache import cache

from .aliyun_sms import FakeAliyunSms
from .tencent_sms import FakeTencentSms
from .wechat import FakeWeChat


@pytest.fixture
def aliyun(settings):
    fake = FakeAliyunSms(
        keys={"LTAI-test-key": "aliyun-test-secret"},
        sign_names={"超润", "Lubpur"},
        templates={
            "SMS_100001": {"code", "minutes"},
            "SMS_100002": {"code", "minutes"},
        },
    )
    with fake:
        settings.SMS_BACKEND = "aliyun"
        settings.SMS_ALIYUN_ENDPOINT = fake.url + "/"
        settings.SMS_ALIYUN_ACCESS_KEY_ID = "LTAI-test-key"
        settings.SMS_ALIYUN_ACCESS_KEY_SECRET = "aliyun-test-secret"
        settings.SMS_ALIYUN_SIGN_NAMES = {"zh-hans": "超润", "en": "Lubpur"}
        settings.SMS_ALIYUN_TEMPLATES = {
            "verification_code": {"zh-hans": "SMS_100001", "en": "SMS_100002"}
        }
        yield fake


@pytest.fixture
def tencent(settings):
    fake = FakeTencentSms(
        keys={"AKID-test": "tencent-test-key"},
        sdk_app_id="1400000001",
        sign_names={"超润", "Lubpur"},
        templates={"200001": 2, "200002": 2},
    )
    with fake:
        settings.SMS_BACKEND = "tencent"
        settings.SMS_TENCENT_ENDPOINT = fake.url + "/"
        settings.SMS_TENCENT_SECRET_ID = "AKID-test"
        settings.SMS_TENCENT_SECRET_KEY = "tencent-test-key"
        settings.SMS_TENCENT_SDK_APP_ID = "1400000001"
        settings.SMS_TENCENT_SIGN_NAMES = {"zh-hans": "超润", "en": "Lubpur"}
        settings.SMS_TENCENT_TEMPLATES = {
            "verification_code": {
                "zh-hans": {"id": "200001", "params": ["code", "minutes"]},
                "en": {"id": "200002", "params": ["code", "minutes"]},
            }
        }
        yield fake


@pytest.fixture
def wechat(settings):
    fake = FakeWeChat(appid="wx-test-app", secret="wechat-test-secret")
    with fake:
        settings.WECHAT_API_BASE_URL = fake.url
        settings.WECHAT_MINIPROGRAM_APPID = "wx-test-app"
        settings.WECHAT_MINIPROGRAM_SECRET = "wechat-test-secret"
        settings.WECHAT_WEB_AUTHORIZE_URL = fake.url + "/connect/qrconnect"
        cache.delete("wechat:access_token:wx-test-app")
        yield fake
        cache.delete("wechat:access_token:wx-test-app")
