"""core.wechat against a local fake api.weixin.qq.com."""

from __future__ import annotations

import logging

import pytest

from core.wechat import (
    WeChatAccessTokenInvalid,
    WeChatBusy,
    WeChatCodeUsed,
    WeChatError,
    WeChatImproperlyConfigured,
    WeChatInvalidCode,
    WeChatRateLimited,
    WeChatUnavailable,
    WeChatUserBlocked,
    get_miniprogram_client,
)
from tests.core.test_sms_providers import free_port_url

TOKEN_PATH = "/cgi-bin/stable_token"
PHONE_PATH = "/wxa/business/getuserphonenumber"


def test_a_login_code_becomes_openid_unionid_and_session_key(wechat):
    wechat.add_login("code-1", openid="o-abc", unionid="u-xyz")
    session = get_miniprogram_client().code_to_session("code-1")
    assert session.openid == "o-abc"
    assert session.unionid == "u-xyz"
    assert session.session_key


def test_unionid_is_absent_when_the_app_has_no_open_platform(wechat):
    wechat.add_login("code-2", openid="o-abc")
    assert get_miniprogram_client().code_to_session("code-2").unionid is None


def test_a_login_code_works_once(wechat):
    wechat.add_login("code-3", openid="o-abc")
    client = get_miniprogram_client()
    client.code_to_session("code-3")
    with pytest.raises(WeChatCodeUsed) as caught:
        client.code_to_session("code-3")
    assert caught.value.errcode == 40163
    assert isinstance(caught.value, WeChatInvalidCode)


def test_an_unknown_code_is_invalid(wechat):
    with pytest.raises(WeChatInvalidCode) as caught:
        get_miniprogram_client().code_to_session("nope")
    assert caught.value.errcode == 40029
    assert not caught.value.retryable


@pytest.mark.parametrize(
    ("code", "error", "retryable"),
    [
        ("busy", WeChatBusy, True),
        ("limited", WeChatRateLimited, True),
        ("risky", WeChatUserBlocked, False),
    ],
)
def test_wechat_refusals_are_typed(wechat, code, error, retryable):
    with pytest.raises(error) as caught:
        get_miniprogram_client().code_to_session(code)
    assert caught.value.retryable is retryable


def test_a_wrong_secret_is_a_configuration_error_that_does_not_leak_it(
    wechat, settings
):
    settings.WECHAT_MINIPROGRAM_SECRET = "not-the-secret"
    with pytest.raises(WeChatImproperlyConfigured) as caught:
        get_miniprogram_client().code_to_session("x")
    assert caught.value.errcode == 40125
    assert "not-the-secret" not in str(caught.value)


def test_missing_settings_are_a_configuration_error(settings):
    settings.WECHAT_MINIPROGRAM_APPID = ""
    with pytest.raises(WeChatImproperlyConfigured):
        get_miniprogram_client()


def test_unreachable_wechat_is_unavailable_without_leaking_the_secret(settings):
    settings.WECHAT_API_BASE_URL = free_port_url()
    settings.WECHAT_MINIPROGRAM_APPID = "wx-test-app"
    settings.WECHAT_MINIPROGRAM_SECRET = "wechat-test-secret"
    with pytest.raises(WeChatUnavailable) as caught:
        get_miniprogram_client().code_to_session("x")
    assert "wechat-test-secret" not in str(caught.value)
    assert caught.value.retryable


def test_the_phone_code_gives_the_verified_number(wechat):
    wechat.add_phone("p-1", "13812345678")
    phone = get_miniprogram_client().phone_number("p-1")
    assert phone.e164 == "+8613812345678"
    assert phone.pure_phone_number == "13812345678"
    assert phone.country_code == "86"


def test_the_access_token_is_fetched_once_and_cached(wechat):
    wechat.add_phone("p-1", "13812345678")
    wechat.add_phone("p-2", "13912345678")
    client = get_miniprogram_client()
    client.phone_number("p-1")
    get_miniprogram_client().phone_number("p-2")
    assert wechat.calls(TOKEN_PATH) == 1
    assert wechat.calls(PHONE_PATH) == 2


def test_a_refused_token_is_refreshed_once(wechat):
    wechat.add_phone("p-1", "13812345678")
    wechat.add_phone("p-2", "13912345678")
    client = get_miniprogram_client()
    client.phone_number("p-1")
    wechat.expire_tokens()  # WeChat no longer accepts the cached token
    assert client.phone_number("p-2").e164 == "+8613912345678"
    assert wechat.calls(TOKEN_PATH) == 2
    assert wechat.requests[-2].json()["force_refresh"] is True


def test_a_token_refused_twice_reaches_the_caller(wechat):
    wechat.add_phone("p-1", "13812345678")
    wechat.accept_tokens = False
    with pytest.raises(WeChatAccessTokenInvalid):
        get_miniprogram_client().phone_number("p-1")
    assert wechat.calls(TOKEN_PATH) == 2  # one refresh, then it gives up


def test_the_classic_token_api_can_be_chosen(wechat, settings):
    settings.WECHAT_STABLE_ACCESS_TOKEN = False
    wechat.add_phone("p-1", "13812345678")
    get_miniprogram_client().phone_number("p-1")
    assert wechat.calls("/cgi-bin/token") == 1
    assert wechat.calls(TOKEN_PATH) == 0


def test_a_phone_code_works_once(wechat):
    wechat.add_phone("p-1", "13812345678")
    client = get_miniprogram_client()
    client.phone_number("p-1")
    with pytest.raises(WeChatCodeUsed):
        client.phone_number("p-1")


def test_an_international_number_keeps_its_country_code(wechat):
    wechat.add_phone("p-hk", "51234567", country="852")
    assert get_miniprogram_client().phone_number("p-hk").e164 == "+85251234567"


def test_a_number_issued_to_another_app_is_refused(wechat):
    wechat.add_phone("p-1", "13812345678")
    wechat.watermark_appid = "wx-someone-else"
    with pytest.raises(WeChatError):
        get_miniprogram_client().phone_number("p-1")


def test_secrets_and_codes_never_reach_the_logs(wechat, caplog):
    wechat.add_login("code-9", openid="o-abc")
    wechat.add_phone("p-9", "13812345678")
    with caplog.at_level(logging.DEBUG):
        client = get_miniprogram_client()
        client.code_to_session("code-9")
        client.phone_number("p-9")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "jscode2session" in logged  # httpx did log the requests
    assert "wechat-test-secret" not in logged
    assert "code-9" not in logged
    assert client.access_token() not in logged
