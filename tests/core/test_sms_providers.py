"""core.sms's Alibaba Cloud and Tencent Cloud backends, against local fakes that
verify signatures and answer like the real services (errors included)."""

from __future__ import annotations

import hashlib
import socket

import pytest

from core.sms import (
    SmsAuthenticationFailed,
    SmsImproperlyConfigured,
    SmsInvalidRecipient,
    SmsMessage,
    SmsRateLimited,
    SmsRejected,
    SmsUnavailable,
    get_connection,
    send_sms,
)
from core.sms.backends import aliyun, tencent

NUMBER = "+8613812345678"
CODE = {"code": "482913", "minutes": 10}


def free_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/"


# --- Alibaba Cloud ---------------------------------------------------------------


def test_aliyun_signature_matches_the_documented_example():
    # The worked example of Alibaba Cloud's RPC signature documentation (GET).
    params = {
        "AccessKeyId": "testId",
        "Action": "SendSms",
        "Format": "XML",
        "OutId": "123",
        "PhoneNumbers": "15300000001",
        "RegionId": "cn-hangzhou",
        "SignName": "阿里云短信测试专用",
        "SignatureMethod": "HMAC-SHA1",
        "SignatureNonce": "45e25e9b-0a6f-4070-8c85-2956eda1b466",
        "SignatureVersion": "1.0",
        "TemplateCode": "SMS_71390007",
        "TemplateParam": '{"customer":"test"}',
        "Timestamp": "2017-07-12T02:42:19Z",
        "Version": "2017-05-25",
    }
    assert aliyun.sign(params, "testSecret", "GET") == "zJDF+Lrzhj/ThnlvIToysFRq6t4="


def test_aliyun_sends_the_template_in_the_members_language(aliyun):
    message = SmsMessage(
        NUMBER, template="verification_code", params=CODE, language="en"
    )
    assert message.send() == 1
    [sent] = aliyun.sent
    assert sent["number"] == "13812345678"  # mainland numbers without +86
    assert sent["template"] == "SMS_100002"
    assert sent["sign_name"] == "Lubpur"
    assert sent["params"] == {"code": "482913", "minutes": "10"}
    assert message.provider_ids == [sent["biz_id"]]


def test_aliyun_uses_the_chinese_template_and_sign_name_by_default(aliyun):
    send_sms("+8613912345678", template="verification_code", params=CODE)
    assert aliyun.sent[0]["template"] == "SMS_100001"
    assert aliyun.sent[0]["sign_name"] == "超润"


def test_aliyun_wrong_secret_is_an_authentication_failure(aliyun, settings):
    settings.SMS_ALIYUN_ACCESS_KEY_SECRET = "wrong"
    with pytest.raises(SmsAuthenticationFailed) as caught:
        send_sms(NUMBER, template="verification_code", params=CODE)
    assert caught.value.code == "SignatureDoesNotMatch"
    assert caught.value.request_id
    assert not caught.value.retryable
    assert aliyun.sent == []


def test_aliyun_unknown_key_is_an_authentication_failure(aliyun, settings):
    settings.SMS_ALIYUN_ACCESS_KEY_ID = "LTAI-other"
    with pytest.raises(SmsAuthenticationFailed) as caught:
        send_sms(NUMBER, template="verification_code", params=CODE)
    assert caught.value.code == "InvalidAccessKeyId.NotFound"


def test_aliyun_per_number_flow_control_is_rate_limited(aliyun):
    send_sms(NUMBER, template="verification_code", params=CODE)
    with pytest.raises(SmsRateLimited) as caught:
        send_sms(NUMBER, template="verification_code", params=CODE)
    assert caught.value.code == "isv.BUSINESS_LIMIT_CONTROL"
    assert caught.value.retry_after == 60
    assert caught.value.retryable
    assert len(aliyun.sent) == 1


def test_aliyun_template_not_approved_is_rejected(aliyun, settings):
    settings.SMS_ALIYUN_TEMPLATES = {"verification_code": "SMS_999"}
    with pytest.raises(SmsRejected) as caught:
        send_sms(NUMBER, template="verification_code", params=CODE)
    assert caught.value.code == "isv.SMS_TEMPLATE_ILLEGAL"


def test_aliyun_missing_template_parameters_are_rejected(aliyun):
    with pytest.raises(SmsRejected) as caught:
        send_sms(NUMBER, template="verification_code", params={"code": "1"})
    assert caught.value.code == "isv.TEMPLATE_MISSING_PARAMETERS"


def test_aliyun_illegal_number_is_an_invalid_recipient(aliyun):
    with pytest.raises(SmsInvalidRecipient) as caught:
        send_sms("+8612345678901", template="verification_code", params=CODE)
    assert caught.value.code == "isv.MOBILE_NUMBER_ILLEGAL"


def test_aliyun_server_failure_is_unavailable_and_retryable(aliyun):
    aliyun.fail_next = "ServiceUnavailable"
    with pytest.raises(SmsUnavailable) as caught:
        send_sms(NUMBER, template="verification_code", params=CODE)
    assert caught.value.retryable


def test_a_purpose_without_a_template_fails_before_any_request(aliyun):
    with pytest.raises(SmsImproperlyConfigured):
        send_sms(NUMBER, template="order_shipped", params={})
    with pytest.raises(SmsImproperlyConfigured):
        send_sms(NUMBER, "free text is not allowed")
    assert aliyun.requests == []


def test_missing_keys_are_a_configuration_error(settings):
    settings.SMS_ALIYUN_ACCESS_KEY_ID = ""
    with pytest.raises(SmsImproperlyConfigured):
        get_connection("aliyun")


def test_an_unreachable_provider_is_unavailable_without_leaking_the_url(settings):
    settings.SMS_ALIYUN_ENDPOINT = free_port_url()
    settings.SMS_ALIYUN_ACCESS_KEY_ID = "LTAI-test-key"
    settings.SMS_ALIYUN_ACCESS_KEY_SECRET = "aliyun-test-secret"
    settings.SMS_ALIYUN_SIGN_NAMES = "超润"
    settings.SMS_ALIYUN_TEMPLATES = {"verification_code": "SMS_1"}
    with pytest.raises(SmsUnavailable) as caught:
        send_sms(
            NUMBER,
            template="verification_code",
            params=CODE,
            connection=get_connection("aliyun"),
        )
    assert "aliyun-test-secret" not in str(caught.value)
    assert "127.0.0.1" not in str(caught.value)


def test_fail_silently_counts_only_what_went_out(aliyun):
    connection = get_connection(fail_silently=True)
    messages = [
        SmsMessage(NUMBER, template="verification_code", params=CODE),
        SmsMessage(NUMBER, template="verification_code", params=CODE),  # limited
        SmsMessage("+8613912345678", template="verification_code", params=CODE),
    ]
    with connection:
        assert connection.send_messages(messages) == 2
    assert len(aliyun.sent) == 2


# --- Tencent Cloud ---------------------------------------------------------------


def test_tencent_canonical_request_matches_the_documented_example():
    # TC3 documentation's worked example (cvm DescribeInstances, x-tc-action signed).
    payload = (
        b'{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], '
        b'"Name": "instance-name"}]}'
    )
    request, signed = tencent.canonical_request(
        {
            "Content-Type": "application/json; charset=utf-8",
            "Host": "cvm.tencentcloudapi.com",
            "X-TC-Action": "DescribeInstances",
        },
        payload,
    )
    assert signed == "content-type;host;x-tc-action"
    assert hashlib.sha256(request.encode()).hexdigest() == (
        "7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84"
    )


def test_tencent_sends_positional_parameters_in_the_configured_order(tencent):
    message = SmsMessage(
        NUMBER, template="verification_code", params={"minutes": 10, "code": "482913"}
    )
    assert message.send() == 1
    [sent] = tencent.sent
    assert sent["number"] == NUMBER
    assert sent["template"] == "200001"
    assert sent["sign_name"] == "超润"
    assert sent["params"] == ["482913", "10"]
    assert len(message.provider_ids) == 1 and message.provider_ids[0]


def test_tencent_english_template_and_sign_name(tencent):
    send_sms(NUMBER, template="verification_code", params=CODE, language="en")
    assert tencent.sent[0]["template"] == "200002"
    assert tencent.sent[0]["sign_name"] == "Lubpur"


def test_tencent_wrong_key_is_an_authentication_failure(tencent, settings):
    settings.SMS_TENCENT_SECRET_KEY = "wrong"
    with pytest.raises(SmsAuthenticationFailed) as caught:
        send_sms(NUMBER, template="verification_code", params=CODE)
    assert caught.value.code == "AuthFailure.SignatureFailure"
    assert tencent.sent == []


def test_tencent_refuses_a_request_signed_with_a_skewed_clock(tencent):
    tencent.clock_skew = 600
    with pytest.raises(SmsAuthenticationFailed) as caught:
        send_sms(NUMBER, template="verification_code", params=CODE)
    assert caught.value.code == "AuthFailure.SignatureExpire"


def test_tencent_thirty_second_limit_is_rate_limited(tencent):
    send_sms(NUMBER, template="verification_code", params=CODE)
    with pytest.raises(SmsRateLimited) as caught:
        send_sms(NUMBER, template="verification_code", params=CODE)
    assert caught.value.code == "LimitExceeded.PhoneNumberThirtySecondLimit"
    assert caught.value.retry_after == 30


def test_tencent_incorrect_number_is_an_invalid_recipient(tencent):
    with pytest.raises(SmsInvalidRecipient):
        send_sms("+14155552671", template="verification_code", params=CODE)


def test_tencent_missing_parameter_is_refused_before_the_request(tencent):
    with pytest.raises(SmsRejected) as caught:
        send_sms(NUMBER, template="verification_code", params={"code": "1"})
    assert caught.value.code == "missing_params"
    assert tencent.requests == []


def test_tencent_parameter_count_mismatch_is_rejected_by_the_provider(
    tencent, settings
):
    settings.SMS_TENCENT_TEMPLATES = {"verification_code": "200001"}
    with pytest.raises(SmsRejected) as caught:
        send_sms(NUMBER, template="verification_code", params={"code": "1"})
    assert caught.value.code == "InvalidParameterValue.TemplateParameterFormatError"


def test_tencent_unapproved_sign_name_is_rejected(tencent, settings):
    settings.SMS_TENCENT_SIGN_NAMES = "Other"
    with pytest.raises(SmsRejected) as caught:
        send_sms(NUMBER, template="verification_code", params=CODE)
    assert caught.value.code == "FailedOperation.SignatureIncorrectOrUnapproved"


def test_tencent_internal_error_is_unavailable(tencent):
    tencent.fail_next = "InternalError.Timeout"
    with pytest.raises(SmsUnavailable) as caught:
        send_sms(NUMBER, template="verification_code", params=CODE)
    assert caught.value.retryable
