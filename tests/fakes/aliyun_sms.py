"""A fake Alibaba Cloud Dysmsapi endpoint that checks the RPC signature (v1.0)."""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import json
import re
import uuid
from typing import Any
from urllib.parse import parse_qsl, quote

from .server import FakeService, Request

MAINLAND = re.compile(r"^(\+?86|0086)?1[3-9]\d{9}$")


def _enc(text: str) -> str:
    # Alibaba Cloud's documented encoding: URL-encode, then '+' -> %20,
    # '*' -> %2A, '%7E' -> '~'. quote() with no safe characters does the same.
    return quote(text, safe="~")


def expected_signature(params: dict[str, str], secret: str, method: str) -> str:
    pairs = sorted((k, v) for k, v in params.items() if k != "Signature")
    query = "&".join(_enc(k) + "=" + _enc(v) for k, v in pairs)
    text = method + "&" + _enc("/") + "&" + _enc(query)
    mac = hmac.new((secret + "&").encode("utf-8"), text.encode("utf-8"), hashlib.sha1)
    return base64.b64encode(mac.digest()).decode()


class FakeAliyunSms(FakeService):
    def __init__(
        self,
        *,
        keys: dict[str, str],
        sign_names: set[str],
        templates: dict[str, set[str]],
        per_number_per_minute: int = 1,
    ) -> None:
        super().__init__()
        self.keys = keys
        self.sign_names = sign_names
        self.templates = templates  # code -> names of its ${params}
        self.per_number_per_minute = per_number_per_minute
        self.sent: list[dict[str, Any]] = []
        self.nonces: set[str] = set()
        self.fail_next: str | None = None

    def _error(self, status: int, code: str, message: str) -> tuple[int, Any]:
        body = {
            "RequestId": str(uuid.uuid4()).upper(),
            "Code": code,
            "Message": message,
        }
        if status != 200:
            body["HostId"] = "dysmsapi.aliyuncs.com"
            body["Recommend"] = "https://api.aliyun.com/troubleshoot"
        return status, body

    def handle(self, request: Request) -> tuple[int, Any]:
        if request.method == "POST":
            params = dict(parse_qsl(request.body.decode(), keep_blank_values=True))
        else:
            params = dict(request.query)
        if self.fail_next:
            code, self.fail_next = self.fail_next, None
            if code == "ServiceUnavailable":
                return self._error(
                    503,
                    code,
                    "The request has failed due to a temporary failure of the server.",
                )
            return self._error(200, code, "forced")
        secret = self.keys.get(params.get("AccessKeyId", ""))
        if secret is None:
            return self._error(
                404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."
            )
        if params.get("Signature") != expected_signature(
            params, secret, request.method
        ):
            return self._error(
                400,
                "SignatureDoesNotMatch",
                "Specified signature is not matched with our calculation.",
            )
        stamp = datetime.datetime.strptime(
            params.get("Timestamp", ""), "%Y-%m-%dT%H:%M:%SZ"
        ).replace(tzinfo=datetime.UTC)
        if abs((datetime.datetime.now(datetime.UTC) - stamp).total_seconds()) > 900:
            return self._error(
                400,
                "InvalidTimeStamp.Expired",
                "Specified time stamp or date value is expired.",
            )
        nonce = params.get("SignatureNonce", "")
        if nonce in self.nonces:
            return self._error(
                400, "SignatureNonceUsed", "Specified signature nonce was used already."
            )
        self.nonces.add(nonce)
        if (params.get("Action"), params.get("Version")) != ("SendSms", "2017-05-25"):
            return self._error(
                400, "InvalidAction.NotFound", "Specified api is not found"
            )
        if params.get("SignName") not in self.sign_names:
            return self._error(200, "isv.SMS_SIGNATURE_ILLEGAL", "签名不合法")
        needed = self.templates.get(params.get("TemplateCode", ""))
        if needed is None:
            return self._error(200, "isv.SMS_TEMPLATE_ILLEGAL", "模板不合法")
        try:
            values = json.loads(params.get("TemplateParam") or "{}")
        except ValueError:
            return self._error(200, "isv.INVALID_JSON_PARAM", "JSON参数不合法")
        if not isinstance(values, dict) or not needed <= set(values):
            return self._error(200, "isv.TEMPLATE_MISSING_PARAMETERS", "模板缺少变量")
        numbers = params.get("PhoneNumbers", "").split(",")
        if not all(MAINLAND.match(n) for n in numbers):
            return self._error(200, "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号")
        now = datetime.datetime.now(datetime.UTC)
        for number in numbers:
            recent = [
                s
                for s in self.sent
                if s["number"] == number and (now - s["at"]).total_seconds() < 60
            ]
            if len(recent) >= self.per_number_per_minute:
                return self._error(200, "isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控")
        biz_id = f"{uuid.uuid4().int % 10**18}^0"
        for number in numbers:
            self.sent.append(
                {
                    "number": number,
                    "sign_name": params["SignName"],
                    "template": params["TemplateCode"],
                    "params": values,
                    "biz_id": biz_id,
                    "at": now,
                }
            )
        return 200, {
            "Message": "OK",
            "RequestId": str(uuid.uuid4()).upper(),
            "BizId": biz_id,
            "Code": "OK",
        }
