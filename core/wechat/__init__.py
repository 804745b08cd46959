"""WeChat server APIs for the mini-program: login (``jscode2session``) and the
verified phone number (``getuserphonenumber``). See ``core.wechat.client``.

A base layer: imports no project app. Settings: ``WECHAT_API_BASE_URL``,
``WECHAT_MINIPROGRAM_APPID``, ``WECHAT_MINIPROGRAM_SECRET``, ``WECHAT_TIMEOUT``,
``WECHAT_STABLE_ACCESS_TOKEN``.
"""

from .client import (
    WeChatClient,
    WeChatPhone,
    WeChatSession,
    get_miniprogram_client,
    get_web_client,
)
from .exceptions import (
    WeChatAccessTokenInvalid,
    WeChatBusy,
    WeChatCodeUsed,
    WeChatError,
    WeChatImproperlyConfigured,
    WeChatInvalidCode,
    WeChatRateLimited,
    WeChatUnavailable,
    WeChatUserBlocked,
)

__all__ = [
    "WeChatAccessTokenInvalid",
    "WeChatBusy",
    "WeChatClient",
    "WeChatCodeUsed",
    "WeChatError",
    "WeChatImproperlyConfigured",
    "WeChatInvalidCode",
    "WeChatPhone",
    "WeChatRateLimited",
    "WeChatSession",
    "WeChatUnavailable",
    "WeChatUserBlocked",
    "get_miniprogram_client",
    "get_web_client",
]
