"""Tencent Cloud SMS (``SendSms``, API version 2021-01-11), signed TC3-HMAC-SHA256.

The canonical request is ``POST\\n/\\n\\n`` + the signed headers (``content-type``,
``host``, ``x-tc-action``, lower-case) + their names + the hex SHA-256 of the JSON
body; the string to sign is ``TC3-HMAC-SHA256``, the timestamp, the credential
scope ``<UTC date>/sms/tc3_request`` and the hex SHA-256 of the canonical request;
the key is derived by HMAC-SHA256 chaining ``"TC3" + SecretKey`` → date → ``sms``
→ ``tc3_request``. Templates are positional (``{1}``, ``{2}``), so
``TemplateParamSet`` follows the order given in the template setting.

Settings: ``SMS_TENCENT_SECRET_ID``, ``SMS_TENCENT_SECRET_KEY``,
``SMS_TENCENT_SDK_APP_ID``, ``SMS_TENCENT_SIGN_NAMES`` (``{language: name}`` or
one name), ``SMS_TENCENT_TEMPLATES`` (``{purpose: spec | {language: spec}}`` where
a spec is a template id, or ``{"id": ..., "params": ["code", "minutes"]}`` to fix
the parameter order), ``SMS_TENCENT_ENDPOINT`` (default
``https://sms.tencentcloudapi.com/``), ``SMS_TENCENT_REGION`` (``ap-guangzhou``).
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..exceptions import (
    SmsAuthenticationFailed,
    SmsError,
    SmsInvalidRecipient,
    SmsRateLimited,
    SmsRejected,
    SmsUnavailable,
)
from .base import setting, sign_name_setting, template_setting
from .http import HttpSmsBackend

if TYPE_CHECKING:
    from ..message import SmsMessage

DEFAULT_ENDPOINT = "https://sms.tencentcloudapi.com/"
SERVICE = "sms"
ACTION = "SendSms"
API_VERSION = "2021-01-11"
ALGORITHM = "TC3-HMAC-SHA256"
CONTENT_TYPE = "application/json; charset=utf-8"

# Code prefixes → our types, longest first; the rest is SmsRejected.
ERRORS: list[tuple[str, type[SmsError]]] = [
    ("LimitExceeded.PhoneNumberCountLimit", SmsInvalidRecipient),
    ("LimitExceeded", SmsRateLimited),
    ("RequestLimitExceeded", SmsRateLimited),
    ("AuthFailure", SmsAuthenticationFailed),
    ("UnauthorizedOperation", SmsAuthenticationFailed),
    ("InvalidParameterValue.IncorrectPhoneNumber", SmsInvalidRecipient),
    ("FailedOperation.PhoneNumberInBlacklist", SmsInvalidRecipient),
    ("FailedOperation.PhoneNumberParseFail", SmsInvalidRecipient),
    ("InternalError", SmsUnavailable),
]
RETRY_AFTER = {
    "LimitExceeded.PhoneNumberThirtySecondLimit": 30,
    "LimitExceeded.PhoneNumberOneHourLimit": 3600,
    "LimitExceeded.PhoneNumberDailyLimit": 86400,
}


def error_class(code: str) -> type[SmsError]:
    for prefix, klass in ERRORS:
        if code == prefix or code.startswith(prefix + "."):
            return klass
    return SmsRejected


def _hmac(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def canonical_request(headers: Mapping[str, str], payload: bytes) -> tuple[str, str]:
    """(canonical request, signed header names) for a POST to ``/``."""
    names = sorted(h.lower() for h in headers)
    lower = {k.lower(): v for k, v in headers.items()}
    canonical_headers = "".join(f"{n}:{lower[n].strip().lower()}\n" for n in names)
    signed = ";".join(names)
    hashed = hashlib.sha256(payload).hexdigest()
    return f"POST\n/\n\n{canonical_headers}\n{signed}\n{hashed}", signed


def authorization(
    *,
    secret_id: str,
    secret_key: str,
    service: str,
    timestamp: int,
    headers: Mapping[str, str],
    payload: bytes,
) -> str:
    """The ``Authorization`` header value for a TC3-HMAC-SHA256 request."""
    date = datetime.datetime.fromtimestamp(timestamp, datetime.UTC).strftime("%Y-%m-%d")
    scope = f"{date}/{service}/tc3_request"
    request, signed = canonical_request(headers, payload)
    to_sign = "\n".join(
        [ALGORITHM, str(timestamp), scope, hashlib.sha256(request.encode()).hexdigest()]
    )
    key = _hmac(_hmac(_hmac(f"TC3{secret_key}".encode(), date), service), "tc3_request")
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    return (
        f"{ALGORITHM} Credential={secret_id}/{scope}, "
        f"SignedHeaders={signed}, Signature={signature}"
    )


class SmsBackend(HttpSmsBackend):
    name = "tencent"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.secret_id = setting("SMS_TENCENT_SECRET_ID", required=True)
        self.secret_key = setting("SMS_TENCENT_SECRET_KEY", required=True)
        self.sdk_app_id = str(setting("SMS_TENCENT_SDK_APP_ID", required=True))
        self.endpoint = setting("SMS_TENCENT_ENDPOINT") or DEFAULT_ENDPOINT
        self.region = setting("SMS_TENCENT_REGION") or "ap-guangzhou"

    def body_for(self, message: SmsMessage) -> dict[str, Any]:
        if not message.template:
            raise SmsRejected(
                "Tencent Cloud only sends approved templates; give a template purpose.",
                provider=self.name,
                code="no_template",
            )
        spec = template_setting(
            "SMS_TENCENT_TEMPLATES", message.template, message.language
        )
        if isinstance(spec, Mapping):
            template_id = str(spec["id"])
            order = list(spec.get("params") or message.params)
        else:
            template_id, order = str(spec), list(message.params)
        missing = [name for name in order if name not in message.params]
        if missing:
            raise SmsRejected(
                f"Template parameters missing: {', '.join(missing)}.",
                provider=self.name,
                code="missing_params",
            )
        return {
            "PhoneNumberSet": list(message.to),
            "SmsSdkAppId": self.sdk_app_id,
            "SignName": sign_name_setting("SMS_TENCENT_SIGN_NAMES", message.language),
            "TemplateId": template_id,
            "TemplateParamSet": [str(message.params[name]) for name in order],
        }

    def send_message(self, message: SmsMessage) -> None:
        payload = json.dumps(self.body_for(message), ensure_ascii=False).encode()
        timestamp = int(datetime.datetime.now(datetime.UTC).timestamp())
        signed = {
            "Content-Type": CONTENT_TYPE,
            "Host": urlsplit(self.endpoint).netloc,
            "X-TC-Action": ACTION,
        }
        headers = {
            **signed,
            "Authorization": authorization(
                secret_id=self.secret_id,
                secret_key=self.secret_key,
                service=SERVICE,
                timestamp=timestamp,
                headers=signed,
                payload=payload,
            ),
            "X-TC-Timestamp": str(timestamp),
            "X-TC-Version": API_VERSION,
            "X-TC-Region": self.region,
        }
        response = self.post(self.endpoint, content=payload, headers=headers)
        data = self.json_or_unavailable(response).get("Response")
        if not isinstance(data, dict):
            raise SmsUnavailable(
                "Tencent Cloud answered without a Response object.",
                provider=self.name,
                code=f"http_{response.status_code}",
            )
        request_id = str(data.get("RequestId", ""))
        error = data.get("Error")
        if isinstance(error, dict):
            self.fail(str(error.get("Code", "")), request_id)
        statuses = data.get("SendStatusSet") or []
        failed = [s for s in statuses if s.get("Code") != "Ok"]
        if failed or len(statuses) != len(message.to):
            code = str(failed[0].get("Code", "")) if failed else "missing_status"
            self.fail(code, request_id)
        message.provider_ids.extend(str(s.get("SerialNo", "")) for s in statuses)

    def fail(self, code: str, request_id: str) -> None:
        klass = error_class(code)
        kwargs: dict[str, Any] = {
            "provider": self.name,
            "code": code,
            "request_id": request_id,
        }
        if klass is SmsRateLimited:
            kwargs["retry_after"] = RETRY_AFTER.get(code)
        raise klass(f"Tencent Cloud refused the SMS: {code}", **kwargs)
