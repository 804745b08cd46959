"""A client for the WeChat server APIs the mini-program and web logins need.

- ``code_to_session(code)``: ``GET /sns/jscode2session`` turns the code from
  ``wx.login`` into the member's ``openid`` (per app), ``unionid`` (per
  Open Platform account, when the app is bound to one) and ``session_key``.
- ``phone_number(code)``: ``POST /wxa/business/getuserphonenumber`` turns the code
  from the ``getPhoneNumber`` button into the number WeChat has verified.
  It needs the app's access token, fetched from ``/cgi-bin/stable_token`` (or the
  older ``/cgi-bin/token``) and cached in Django's cache until shortly before it
  expires; a token WeChat refuses is refreshed once.

- ``oauth_access_token(code)`` / ``oauth_userinfo(access_token, openid)``: the web
  login (QR code) of an Open Platform website app, ``/sns/oauth2/access_token`` and
  ``/sns/userinfo``; allauth's ``weixin`` provider calls them
  (``members.accounts.wechat_web``) so that they share the base URL and errors.

Every error is a ``core.wechat.exceptions`` type; secrets never appear
in exception messages (the jscode2session URL carries the app secret).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import httpx
from django.conf import settings
from django.core.cache import cache

from .exceptions import (
    WeChatAccessTokenInvalid,
    WeChatError,
    WeChatImproperlyConfigured,
    WeChatUnavailable,
    error_for,
)

DEFAULT_BASE_URL = "https://api.weixin.qq.com"
SECRET_IN_URL = re.compile(r"((?:secret|access_token|js_code|code)=)[^&\s\"]+")


class RedactSecrets(logging.Filter):
    """httpx logs every request URL at INFO; WeChat's carry the app secret, the
    access token and the member's login code in the query string."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(
                SECRET_IN_URL.sub(r"\1[redacted]", str(a)) if "=" in str(a) else a
                for a in args
            )
        return True


logging.getLogger("httpx").addFilter(RedactSecrets())

# Refresh this long before WeChat's expiry (it says 7200 s), so a token is never
# used in its last minutes.
TOKEN_MARGIN = 300


@dataclass(frozen=True)
class WeChatSession:
    openid: str
    session_key: str
    unionid: str | None = None


@dataclass(frozen=True)
class WeChatPhone:
    phone_number: str  # with country code as the member shows it, e.g. +86 138…
    pure_phone_number: str  # without country code
    country_code: str

    @property
    def e164(self) -> str:
        return f"+{self.country_code}{self.pure_phone_number}"


class WeChatClient:
    def __init__(
        self,
        *,
        appid: str,
        secret: str,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float = 5.0,
        stable_token: bool = True,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if not appid or not secret:
            raise WeChatImproperlyConfigured(
                "Set WECHAT_MINIPROGRAM_APPID and WECHAT_MINIPROGRAM_SECRET."
            )
        self.appid = appid
        self.secret = secret
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.stable_token = stable_token
        self.transport = transport

    # --- transport ---------------------------------------------------------------

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            with httpx.Client(timeout=self.timeout, transport=self.transport) as http:
                response = http.request(method, self.base_url + path, **kwargs)
        except httpx.HTTPError as exc:
            raise WeChatUnavailable(
                f"WeChat unreachable ({type(exc).__name__})."
            ) from exc
        try:
            data = response.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise WeChatUnavailable(
                f"WeChat answered HTTP {response.status_code} without JSON."
            )
        errcode = int(data.get("errcode") or 0)
        if errcode:
            raise error_for(
                errcode, str(data.get("errmsg", "")), str(data.get("rid", ""))
            )
        if response.status_code >= 400:
            raise WeChatUnavailable(f"WeChat answered HTTP {response.status_code}.")
        return data

    # --- mini-program login ------------------------------------------------------

    def code_to_session(self, code: str) -> WeChatSession:
        data = self._call(
            "GET",
            "/sns/jscode2session",
            params={
                "appid": self.appid,
                "secret": self.secret,
                "js_code": code,
                "grant_type": "authorization_code",
            },
        )
        if not data.get("openid") or not data.get("session_key"):
            raise WeChatError("jscode2session answered without openid/session_key.")
        return WeChatSession(
            openid=str(data["openid"]),
            session_key=str(data["session_key"]),
            unionid=str(data["unionid"]) if data.get("unionid") else None,
        )

    # --- access token ------------------------------------------------------------

    @property
    def _token_key(self) -> str:
        return f"wechat:access_token:{self.appid}"

    def access_token(self, *, force_refresh: bool = False) -> str:
        if not force_refresh:
            cached = cache.get(self._token_key)
            if cached:
                return str(cached)
        if self.stable_token:
            data = self._call(
                "POST",
                "/cgi-bin/stable_token",
                json={
                    "grant_type": "client_credential",
                    "appid": self.appid,
                    "secret": self.secret,
                    "force_refresh": force_refresh,
                },
            )
        else:
            data = self._call(
                "GET",
                "/cgi-bin/token",
                params={
                    "grant_type": "client_credential",
                    "appid": self.appid,
                    "secret": self.secret,
                },
            )
        token = data.get("access_token")
        if not token:
            raise WeChatError("The token API answered without access_token.")
        expires_in = int(data.get("expires_in") or 7200)
        cache.set(self._token_key, token, max(expires_in - TOKEN_MARGIN, 60))
        return str(token)

    def _with_token(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        """Call with ``?access_token=``; refresh and retry once if WeChat refuses it."""
        for force in (False, True):
            token = self.access_token(force_refresh=force)
            try:
                return self._call(
                    method, path, params={"access_token": token}, **kwargs
                )
            except WeChatAccessTokenInvalid:
                cache.delete(self._token_key)
                if force:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    # --- phone number ------------------------------------------------------------

    def phone_number(self, code: str) -> WeChatPhone:
        data = self._with_token(
            "POST", "/wxa/business/getuserphonenumber", json={"code": code}
        )
        info = data.get("phone_info")
        if not isinstance(info, dict) or not info.get("purePhoneNumber"):
            raise WeChatError("getuserphonenumber answered without phone_info.")
        watermark = info.get("watermark") or {}
        if watermark.get("appid") not in (None, self.appid):
            # The number was issued to another app: never trust it for ours.
            raise WeChatError("phone_info watermark names another app.")
        return WeChatPhone(
            phone_number=str(info.get("phoneNumber", "")),
            pure_phone_number=str(info["purePhoneNumber"]),
            country_code=str(info.get("countryCode") or "86"),
        )

    # --- web login (Open Platform website app, OAuth 2) -----------------------------

    def oauth_access_token(self, code: str) -> dict[str, Any]:
        """The QR code's ``code`` → ``{access_token, expires_in, openid, unionid}``."""
        data = self._call(
            "GET",
            "/sns/oauth2/access_token",
            params={
                "appid": self.appid,
                "secret": self.secret,
                "code": code,
                "grant_type": "authorization_code",
            },
        )
        if not data.get("access_token") or not data.get("openid"):
            raise WeChatError("oauth2/access_token answered without token/openid.")
        return data

    def oauth_userinfo(self, access_token: str, openid: str) -> dict[str, Any]:
        """The user's ``openid``, ``unionid``, ``nickname``, ``headimgurl`` …"""
        data = self._call(
            "GET",
            "/sns/userinfo",
            params={"access_token": access_token, "openid": openid},
        )
        if data.get("openid") != openid:
            raise WeChatError("sns/userinfo answered for another openid.")
        return data


def get_miniprogram_client(**overrides: Any) -> WeChatClient:
    """The client for the mini-program named in settings."""
    options: dict[str, Any] = {
        "appid": getattr(settings, "WECHAT_MINIPROGRAM_APPID", ""),
        "secret": getattr(settings, "WECHAT_MINIPROGRAM_SECRET", ""),
        "base_url": getattr(settings, "WECHAT_API_BASE_URL", "") or DEFAULT_BASE_URL,
        "timeout": float(getattr(settings, "WECHAT_TIMEOUT", 5)),
        "stable_token": bool(getattr(settings, "WECHAT_STABLE_ACCESS_TOKEN", True)),
    }
    options.update(overrides)
    return WeChatClient(**options)


def get_web_client(*, appid: str, secret: str) -> WeChatClient:
    """The client for the Open Platform website app (web login by QR code)."""
    return WeChatClient(
        appid=appid,
        secret=secret,
        base_url=getattr(settings, "WECHAT_API_BASE_URL", "") or DEFAULT_BASE_URL,
        timeout=float(getattr(settings, "WECHAT_TIMEOUT", 5)),
    )
