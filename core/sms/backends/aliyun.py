"""Alibaba Cloud SMS (Dysmsapi ``SendSms``, API version 2017-05-25).

An RPC-style call: every parameter, ``AccessKeyId`` and a nonce included, is
percent-encoded (RFC 3986), sorted and joined into the canonicalised query; the
string to sign is ``POST&%2F&`` + that query percent-encoded once more, and the
``Signature`` is Base64(HMAC-SHA1(secret + "&", string to sign)). The template is
named by ``TemplateCode`` and filled from ``TemplateParam``, a JSON object.

Settings: ``SMS_ALIYUN_ACCESS_KEY_ID``, ``SMS_ALIYUN_ACCESS_KEY_SECRET``,
``SMS_ALIYUN_SIGN_NAMES`` (``{language: sign name}`` or one name),
``SMS_ALIYUN_TEMPLATES`` (``{purpose: code | {language: code}}``),
``SMS_ALIYUN_ENDPOINT`` (default ``https://dysmsapi.aliyuncs.com/``),
``SMS_ALIYUN_REGION`` (default ``cn-hangzhou``).
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import json
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..exceptions import (
    SmsAuthenticationFailed,
    SmsError,
    SmsImproperlyConfigured,
    SmsInvalidRecipient,
    SmsRateLimited,
    SmsRejected,
    SmsUnavailable,
)
from .base import setting, sign_name_setting, template_setting
from .http import HttpSmsBackend

if TYPE_CHECKING:
    from ..message import SmsMessage

DEFAULT_ENDPOINT = "https://dysmsapi.aliyuncs.com/"
API_VERSION = "2017-05-25"

# Alibaba Cloud's codes → our types; anything else is SmsRejected (or
# SmsUnavailable for HTTP 5xx).
ERRORS: dict[str, type[SmsError]] = {
    "isv.BUSINESS_LIMIT_CONTROL": SmsRateLimited,
    "isv.DAY_LIMIT_CONTROL": SmsRateLimited,
    "Throttling.User": SmsRateLimited,
    "Throttling.Api": SmsRateLimited,
    "SignatureDoesNotMatch": SmsAuthenticationFailed,
    "InvalidAccessKeyId.NotFound": SmsAuthenticationFailed,
    "InvalidAccessKeyId.Inactive": SmsAuthenticationFailed,
    "InvalidTimeStamp.Expired": SmsAuthenticationFailed,
    "SignatureNonceUsed": SmsAuthenticationFailed,
    "Forbidden.RAM": SmsAuthenticationFailed,
    "isv.MOBILE_NUMBER_ILLEGAL": SmsInvalidRecipient,
    "isv.MOBILE_COUNT_OVER_LIMIT": SmsInvalidRecipient,
    "isv.BLACK_KEY_CONTROL_LIMIT": SmsInvalidRecipient,
    "ServiceUnavailable": SmsUnavailable,
    "InternalError": SmsUnavailable,
    "isp.SYSTEM_ERROR": SmsUnavailable,
}
# Minute caps reopen after a minute; the hour and day caps much later.
RETRY_AFTER = {"isv.BUSINESS_LIMIT_CONTROL": 60, "isv.DAY_LIMIT_CONTROL": 3600}


def percent_encode(value: str) -> str:
    """RFC 3986: everything but ``A-Z a-z 0-9 - _ . ~`` as UTF-8 %XX."""
    return quote(value, safe="")


def canonical_query(params: Mapping[str, str]) -> str:
    return "&".join(
        f"{percent_encode(k)}={percent_encode(v)}" for k, v in sorted(params.items())
    )


def sign(params: Mapping[str, str], secret: str, method: str = "POST") -> str:
    """The ``Signature`` of an RPC request (signature version 1.0, HMAC-SHA1)."""
    to_sign = "&".join(
        [method, percent_encode("/"), percent_encode(canonical_query(params))]
    )
    digest = hmac.new(f"{secret}&".encode(), to_sign.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def aliyun_number(e164: str) -> str:
    """Mainland numbers without ``+86``; others as country code + number."""
    return e164[3:] if e164.startswith("+86") else e164.lstrip("+")


class SmsBackend(HttpSmsBackend):
    name = "aliyun"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.access_key_id = setting("SMS_ALIYUN_ACCESS_KEY_ID", required=True)
        self.access_key_secret = setting("SMS_ALIYUN_ACCESS_KEY_SECRET", required=True)
        self.endpoint = setting("SMS_ALIYUN_ENDPOINT") or DEFAULT_ENDPOINT
        self.region = setting("SMS_ALIYUN_REGION") or "cn-hangzhou"

    def params_for(self, message: SmsMessage) -> dict[str, str]:
        if not message.template:
            raise SmsImproperlyConfigured(
                "Alibaba Cloud only sends approved templates; give a template purpose."
            )
        return {
            "AccessKeyId": self.access_key_id,
            "Action": "SendSms",
            "Format": "JSON",
            "RegionId": self.region,
            "SignatureMethod": "HMAC-SHA1",
            "SignatureNonce": uuid.uuid4().hex,
            "SignatureVersion": "1.0",
            "Timestamp": datetime.datetime.now(datetime.UTC).strftime(
                "%Y-%m-%dT%H:%M:%SZ"
            ),
            "Version": API_VERSION,
            "PhoneNumbers": ",".join(aliyun_number(n) for n in message.to),
            "SignName": sign_name_setting("SMS_ALIYUN_SIGN_NAMES", message.language),
            "TemplateCode": str(
                template_setting(
                    "SMS_ALIYUN_TEMPLATES", message.template, message.language
                )
            ),
            "TemplateParam": json.dumps(
                {k: str(v) for k, v in message.params.items()},
                ensure_ascii=False,
                separators=(",", ":"),
            ),
        }

    def send_message(self, message: SmsMessage) -> None:
        params = self.params_for(message)
        params["Signature"] = sign(params, self.access_key_secret)
        response = self.post(
            self.endpoint,
            content=canonical_query(params),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            },
        )
        data = self.json_or_unavailable(response)
        code = str(data.get("Code", ""))
        if response.status_code == 200 and code == "OK":
            message.provider_ids.append(str(data.get("BizId", "")))
            return
        klass = ERRORS.get(code)
        if klass is None:
            klass = SmsUnavailable if response.status_code >= 500 else SmsRejected
        kwargs: dict[str, Any] = {
            "provider": self.name,
            "code": code or f"http_{response.status_code}",
            "request_id": str(data.get("RequestId", "")),
        }
        if klass is SmsRateLimited:
            kwargs["retry_after"] = RETRY_AFTER.get(code)
        raise klass(f"Alibaba Cloud refused the SMS: {code}", **kwargs)
