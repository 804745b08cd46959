"""A fake api.weixin.qq.com: jscode2session, access tokens and getuserphonenumber;
and for the web login (Open Platform website app) open.weixin.qq.com's QR page
(``/connect/qrconnect``: the user "scans" as ``web_user`` and is sent back to the
``redirect_uri`` with a code and the state, or without a code when they decline),
``/sns/oauth2/access_token`` and ``/sns/userinfo``.

Like WeChat it answers HTTP 200 with ``errcode``/``errmsg`` (and a ``rid`` in the
message) for every refusal; codes are single-use; ``/cgi-bin/token`` invalidates
the previous token, ``/cgi-bin/stable_token`` keeps it unless forced.
"""

from __future__ import annotations

import secrets
import time
from typing import Any
from urllib.parse import urlencode

from .server import FakeService, Request

SPECIAL = {
    "busy": (-1, "system error"),
    "limited": (45011, "api minute-quota reach limit mustslower retry next minute"),
    "risky": (40226, "invalid user"),
}


class FakeWeChat(FakeService):
    def __init__(
        self,
        *,
        appid: str,
        secret: str,
        web_appid: str = "wx-test-web",
        web_secret: str = "wechat-web-secret",  # noqa: S107
    ) -> None:
        super().__init__()
        self.appid = appid
        self.secret = secret
        self.web_appid = web_appid
        self.web_secret = web_secret
        self.web_user: dict[str, Any] | None = None  # who scans the QR code
        self.web_codes: dict[str, dict[str, Any]] = {}
        self.web_tokens: dict[str, str] = {}  # OAuth access token -> openid
        self.web_profiles: dict[str, dict[str, Any]] = {}
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

    def scan_as(
        self,
        openid: str,
        unionid: str | None = None,
        nickname: str = "微信用户",
        headimgurl: str = "https://thirdwx.qlogo.cn/mmopen/avatar/132",
    ) -> None:
        """The next QR scan is by this WeChat user (``None``: they decline)."""
        self.web_user = {
            "openid": openid,
            "nickname": nickname,
            "sex": 0,
            "province": "Shanghai",
            "city": "Shanghai",
            "country": "CN",
            "headimgurl": headimgurl,
            "privilege": [],
        }
        if unionid:
            self.web_user["unionid"] = unionid

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
        if route == ("GET", "/connect/qrconnect"):
            return self.qrconnect(request.query)
        if route == ("GET", "/sns/oauth2/access_token"):
            return self.oauth_access_token(request.query)
        if route == ("GET", "/sns/userinfo"):
            return self.userinfo(request.query)
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

    # --- web login (Open Platform website app) ------------------------------------

    def qrconnect(self, q: dict[str, str]) -> tuple[Any, ...]:
        """The QR page: a wrong app or parameter is an error page (as WeChat's);
        otherwise ``web_user`` scans and confirms and is sent back."""
        if q.get("appid") != self.web_appid:
            return 200, {"error": "appid 参数错误"}
        if q.get("scope") != "snsapi_login" or q.get("response_type") != "code":
            return 200, {"error": "scope 参数错误或没有 scope 权限"}
        if not q.get("redirect_uri"):
            return 200, {"error": "redirect_uri 参数错误"}
        back = {"state": q.get("state", "")}
        if self.web_user is not None:
            code = secrets.token_urlsafe(16)
            self.web_codes[code] = self.web_user
            back = {"code": code, **back}
        location = f"{q['redirect_uri']}?{urlencode(back)}"
        return 302, {}, {"Location": location}

    def oauth_access_token(self, q: dict[str, str]) -> tuple[int, Any]:
        if q.get("appid") != self.web_appid:
            return self._err(40013, "invalid appid")
        if q.get("secret") != self.web_secret:
            return self._err(40125, "invalid appsecret")
        if q.get("grant_type") != "authorization_code":
            return self._err(40002, "invalid grant_type")
        code = q.get("code", "")
        if code in SPECIAL:
            return self._err(*SPECIAL[code])
        if code in self.used:
            return self._err(40163, "code been used")
        if code not in self.web_codes:
            return self._err(40029, "invalid code")
        self.used.add(code)
        user = self.web_codes.pop(code)
        token = secrets.token_urlsafe(24)
        if self.accept_tokens:
            self.web_tokens[token] = user["openid"]
        answer = {
            "access_token": token,
            "expires_in": 7200,
            "refresh_token": secrets.token_urlsafe(24),
            "openid": user["openid"],
            "scope": "snsapi_login",
        }
        if user.get("unionid"):
            answer["unionid"] = user["unionid"]
        self.web_profiles[user["openid"]] = user
        return 200, answer

    def userinfo(self, q: dict[str, str]) -> tuple[Any, ...]:
        openid = self.web_tokens.get(q.get("access_token", ""))
        if openid is None:
            return self._err(40001, "invalid credential, access_token is invalid")
        if q.get("openid") != openid:
            return self._err(40003, "invalid openid")
        # WeChat sends UTF-8 JSON as text/plain without a charset (a client that
        # trusts the header reads nicknames as Latin-1).
        return 200, self.web_profiles[openid], {"Content-Type": "text/plain"}
