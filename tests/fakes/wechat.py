"""A fake api.weixin.qq.com: jscode2session, access tokens and getuserphonenumber.

Like WeChat it answers HTTP 200 with ``errcode``/``errmsg`` (and a ``rid`` in the
message) for every refusal; codes are single-use; ``/cgi-bin/token`` invalidates
the previous token, ``/cgi-bin/stable_token`` keeps it unless forced.
"""

from __future__ import annotations

import secrets
import time
from typing import Any

from .server import FakeService, Request

SPECIAL = {
    "busy": (-1, "system error"),
    "limited": (45011, "api minute-quota reach limit mustslower retry next minute"),
    "risky": (40226, "invalid user"),
}


class FakeWeChat(FakeService):
    def __init__(self, *, appid: str, secret: str) -> None:
        super().__init__()
        self.appid = appid
        self.secret = secret
        self.login_codes: dict[str, dict[str, str]] = {}
        self.phone_codes: dict[str, tuple[str, str]] = {}
        self.used: set[str] = set()
        self.tokens: dict[str, float] = {}  # token -> expiry (epoch seconds)
        self.stable: str | None = None
        self.accept_tokens = True
        self.watermark_appid: str | None = None
        self.reuse_codes = False  # replays (tests/authz) send one code many times

    # --- test helpers ------------------------------------------------------------

    def add_login(self, code: str, openid: str, unionid: str | None = None) -> None:
        entry = {"openid": openid, "session_key": secrets.token_urlsafe(16)}
        if unionid:
            entry["unionid"] = unionid
        self.login_codes[code] = entry

    def add_phone(self, code: str, pure: str, country: str = "86") -> None:
        self.phone_codes[code] = (country, pure)

    def expire_tokens(self) -> None:
        self.tokens.clear()
        self.stable = None

    def calls(self, path: str) -> int:
        return sum(1 for r in self.requests if r.path == path)

    # --- the API -----------------------------------------------------------------

    def _err(self, errcode: int, errmsg: str) -> tuple[int, Any]:
        rid = secrets.token_hex(12)
        return 200, {"errcode": errcode, "errmsg": f"{errmsg} rid: {rid}"}

    def _credentials(self, appid: str | None, secret: str | None):
        if appid != self.appid:
            return self._err(40013, "invalid appid")
        if secret != self.secret:
            return self._err(40125, "invalid appsecret")
        return None

    def _issue(self) -> str:
        token = secrets.token_urlsafe(24)
        self.tokens[token] = time.time() + 7200
        return token

    def handle(self, request: Request) -> tuple[int, Any]:
        route = (request.method, request.path)
        if route == ("GET", "/sns/jscode2session"):
            return self.jscode2session(request.query)
        if route == ("POST", "/cgi-bin/stable_token"):
            return self.stable_token(request.json() or {})
        if route == ("GET", "/cgi-bin/token"):
            return self.token(request.query)
        if route == ("POST", "/wxa/business/getuserphonenumber"):
            return self.phone(request.query.get("access_token", ""), request.json())
        return 404, {"errcode": 404, "errmsg": "not found"}

    def jscode2session(self, q: dict[str, str]) -> tuple[int, Any]:
        refused = self._credentials(q.get("appid"), q.get("secret"))
        if refused:
            return refused
        if q.get("grant_type") != "authorization_code":
            return self._err(40002, "invalid grant_type")
        code = q.get("js_code", "")
        if code in SPECIAL:
            return self._err(*SPECIAL[code])
        if code in self.used:
            return self._err(40163, "code been used")
        if code not in self.login_codes:
            return self._err(40029, "invalid code")
        self.used.add(code)
        return 200, dict(self.login_codes[code])

    def stable_token(self, body: dict[str, Any]) -> tuple[int, Any]:
        refused = self._credentials(body.get("appid"), body.get("secret"))
        if refused:
            return refused
        if body.get("grant_type") != "client_credential":
            return self._err(40002, "invalid grant_type")
        if body.get("force_refresh") or self.stable not in self.tokens:
            self.stable = self._issue()
        remaining = int(self.tokens[self.stable] - time.time())
        return 200, {"access_token": self.stable, "expires_in": remaining}

    def token(self, q: dict[str, str]) -> tuple[int, Any]:
        refused = self._credentials(q.get("appid"), q.get("secret"))
        if refused:
            return refused
        self.tokens.clear()  # a new /cgi-bin/token invalidates the previous one
        return 200, {"access_token": self._issue(), "expires_in": 7200}

    def phone(self, token: str, body: Any) -> tuple[int, Any]:
        if not self.accept_tokens or self.tokens.get(token, 0) < time.time():
            return self._err(
                40001, "invalid credential, access_token is invalid or not latest"
            )
        code = (body or {}).get("code", "")
        if code in SPECIAL:
            return self._err(*SPECIAL[code])
        if code in self.used:
            return self._err(40163, "code been used")
        if code not in self.phone_codes:
            return self._err(40029, "invalid code")
        if not self.reuse_codes:
            self.used.add(code)
        country, pure = self.phone_codes[code]
        return 200, {
            "errcode": 0,
            "errmsg": "ok",
            "phone_info": {
                "phoneNumber": f"+{country} {pure}" if country != "86" else pure,
                "purePhoneNumber": pure,
                "countryCode": country,
                "watermark": {
                    "timestamp": int(time.time()),
                    "appid": self.watermark_appid or self.appid,
                },
            },
        }
