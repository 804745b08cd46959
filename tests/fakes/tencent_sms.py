"""A fake Tencent Cloud SMS endpoint (SendSms 2021-01-11) checking TC3-HMAC-SHA256."""

from __future__ import annotations

import hashlib
import hmac
import re
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from .server import FakeService, Request

AUTH = re.compile(
    r"^TC3-HMAC-SHA256 Credential=(?P<id>[^/]+)/(?P<date>\d{4}-\d{2}-\d{2})/"
    r"(?P<service>[a-z]+)/tc3_request, SignedHeaders=(?P<signed>[a-z0-9;-]+), "
    r"Signature=(?P<sig>[0-9a-f]{64})$"
)
E164_CN = re.compile(r"^\+861[3-9]\d{9}$")


def _hm(key: bytes, msg: str) -> bytes:
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()


class FakeTencentSms(FakeService):
    def __init__(
        self,
        *,
        keys: dict[str, str],
        sdk_app_id: str,
        sign_names: set[str],
        templates: dict[str, int],
        per_number_per_30s: int = 1,
    ) -> None:
        super().__init__()
        self.keys = keys
        self.sdk_app_id = sdk_app_id
        self.sign_names = sign_names
        self.templates = templates  # id -> number of {n} parameters
        self.per_number_per_30s = per_number_per_30s
        self.sent: list[dict[str, Any]] = []
        self.fail_next: str | None = None
        self.clock_skew = 0  # seconds the service's clock is ahead of ours

    def _error(self, code: str, message: str) -> tuple[int, Any]:
        # Tencent Cloud answers API errors with HTTP 200 and Response.Error.
        return 200, {
            "Response": {
                "Error": {"Code": code, "Message": message},
                "RequestId": str(uuid.uuid4()),
            }
        }

    def _verify(self, request: Request) -> str | None:
        match = AUTH.match(request.headers.get("authorization", ""))
        if not match:
            return "AuthFailure.InvalidAuthorization"
        secret = self.keys.get(match["id"])
        if secret is None:
            return "AuthFailure.SecretIdNotFound"
        stamp = int(request.headers.get("x-tc-timestamp", "0"))
        if abs(time.time() + self.clock_skew - stamp) > 300:
            return "AuthFailure.SignatureExpire"
        if match["date"] != datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d"):
            return "AuthFailure.SignatureFailure"
        names = match["signed"].split(";")
        if "content-type" not in names or "host" not in names:
            return "AuthFailure.SignatureFailure"
        lines = [f"{n}:{request.headers.get(n, '').strip().lower()}\n" for n in names]
        canonical = "\n".join(
            [
                "POST",
                "/",
                "",
                "".join(lines),
                match["signed"],
                hashlib.sha256(request.body).hexdigest(),
            ]
        )
        scope = f"{match['date']}/{match['service']}/tc3_request"
        text = "\n".join(
            [
                "TC3-HMAC-SHA256",
                str(stamp),
                scope,
                hashlib.sha256(canonical.encode()).hexdigest(),
            ]
        )
        key = _hm(
            _hm(_hm(("TC3" + secret).encode(), match["date"]), match["service"]),
            "tc3_request",
        )
        good = hmac.new(key, text.encode(), hashlib.sha256).hexdigest()
        if match["service"] != "sms" or not hmac.compare_digest(good, match["sig"]):
            return "AuthFailure.SignatureFailure"
        return None

    def handle(self, request: Request) -> tuple[int, Any]:
        if self.fail_next:
            code, self.fail_next = self.fail_next, None
            return self._error(code, "forced")
        problem = self._verify(request)
        if problem:
            return self._error(
                problem, "The provided credentials could not be validated."
            )
        if (
            request.headers.get("x-tc-action") != "SendSms"
            or request.headers.get("x-tc-version") != "2021-01-11"
        ):
            return self._error("InvalidAction", "The action is not supported.")
        body = request.json()
        if body.get("SmsSdkAppId") != self.sdk_app_id:
            return self._error(
                "FailedOperation.SmsSdkAppIdVerifyFail", "SdkAppId verification failed."
            )
        if body.get("SignName") not in self.sign_names:
            return self._error(
                "FailedOperation.SignatureIncorrectOrUnapproved",
                "The signature is not approved or incorrect.",
            )
        count = self.templates.get(body.get("TemplateId", ""))
        if count is None:
            return self._error(
                "FailedOperation.TemplateIncorrectOrUnapproved",
                "The template is not approved or incorrect.",
            )
        params = body.get("TemplateParamSet") or []
        if len(params) != count:
            return self._error(
                "InvalidParameterValue.TemplateParameterFormatError",
                "The template parameters do not match.",
            )
        statuses = []
        now = time.time()
        for number in body.get("PhoneNumberSet") or []:
            serial = str(uuid.uuid4())
            status = {
                "SerialNo": "",
                "PhoneNumber": number,
                "Fee": 0,
                "SessionContext": "",
                "IsoCode": "CN",
            }
            recent = [
                s for s in self.sent if s["number"] == number and now - s["at"] < 30
            ]
            if not E164_CN.match(number):
                status |= {
                    "Code": "InvalidParameterValue.IncorrectPhoneNumber",
                    "Message": "incorrect phone number",
                    "IsoCode": "DEF",
                }
            elif len(recent) >= self.per_number_per_30s:
                status |= {
                    "Code": "LimitExceeded.PhoneNumberThirtySecondLimit",
                    "Message": "the number of SMS messages sent from a "
                    "single mobile number within 30 seconds exceeds the "
                    "upper limit",
                }
            else:
                status |= {
                    "Code": "Ok",
                    "Message": "send success",
                    "Fee": 1,
                    "SerialNo": serial,
                }
                self.sent.append(
                    {
                        "number": number,
                        "template": body["TemplateId"],
                        "params": params,
                        "sign_name": body["SignName"],
                        "at": now,
                    }
                )
            statuses.append(status)
        return 200, {
            "Response": {"SendStatusSet": statuses, "RequestId": str(uuid.uuid4())}
        }
