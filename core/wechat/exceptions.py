"""WeChat's ``errcode`` answers as types callers can tell apart.

WeChat answers most errors with HTTP 200 and ``{"errcode": n, "errmsg": "..."}``;
``error_for`` maps the codes the login and phone APIs return. ``retryable`` says
whether asking again later (with a *new* code from the mini-program for the code
errors) may succeed.
"""

from __future__ import annotations


class WeChatError(Exception):
    """Base class; ``errcode``/``errmsg`` as WeChat sent them, ``rid`` its trace id."""

    retryable = False

    def __init__(self, errmsg: str = "", *, errcode: int = 0, rid: str = "") -> None:
        super().__init__(f"WeChat error {errcode}: {errmsg}" if errcode else errmsg)
        self.errcode = errcode
        self.errmsg = errmsg
        self.rid = rid


class WeChatInvalidCode(WeChatError):
    """The code from ``wx.login``/``getPhoneNumber`` is invalid or expired (40029)."""


class WeChatCodeUsed(WeChatInvalidCode):
    """The code was already exchanged once (40163); codes are single-use."""


class WeChatRateLimited(WeChatError):
    """Too many calls (45011: per-user minute limit; 45009: daily API quota)."""

    retryable = True


class WeChatBusy(WeChatError):
    """System busy (-1): try again shortly."""

    retryable = True


class WeChatUserBlocked(WeChatError):
    """WeChat flags the user as high-risk (40226) and blocks the login."""


class WeChatAccessTokenInvalid(WeChatError):
    """Our cached access token is invalid or expired (40001, 40014, 42001).

    Handled inside the client (one refresh and retry); reaches callers only when
    the fresh token is refused too."""


class WeChatImproperlyConfigured(WeChatError):
    """App id or secret missing or refused (40013, 40125, 41002, 41004), or the
    server's IP is not on the app's whitelist (40164)."""


class WeChatUnavailable(WeChatError):
    """WeChat could not be reached or answered something that is not its JSON."""

    retryable = True


ERRORS: dict[int, type[WeChatError]] = {
    -1: WeChatBusy,
    40029: WeChatInvalidCode,
    40163: WeChatCodeUsed,
    42003: WeChatInvalidCode,  # the web login code expired
    45011: WeChatRateLimited,
    45009: WeChatRateLimited,
    40226: WeChatUserBlocked,
    40001: WeChatAccessTokenInvalid,
    40014: WeChatAccessTokenInvalid,
    42001: WeChatAccessTokenInvalid,
    40013: WeChatImproperlyConfigured,
    40125: WeChatImproperlyConfigured,
    40164: WeChatImproperlyConfigured,
    41002: WeChatImproperlyConfigured,
    41004: WeChatImproperlyConfigured,
}


def error_for(errcode: int, errmsg: str, rid: str = "") -> WeChatError:
    return ERRORS.get(errcode, WeChatError)(errmsg, errcode=errcode, rid=rid)
