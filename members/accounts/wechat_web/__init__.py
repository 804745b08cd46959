"""WeChat web login (QR code, OAuth 2): allauth's ``weixin`` provider, pointed at
``WECHAT_API_BASE_URL`` and ``WECHAT_WEB_AUTHORIZE_URL`` and speaking WeChat's
errors (``SOCIALACCOUNT_PROVIDERS["weixin"]["provider_class"]``).

allauth's own adapter hard-codes ``api.weixin.qq.com`` (so a test cannot point it
at a local fake), posts the token request where WeChat documents a GET, reads
WeChat's ``{"errcode": …}`` answers with HTTP 200 as success (a ``KeyError`` →
500 on ``/sns/userinfo``) and keeps the whole profile. Here the calls go through
``core.wechat`` (its base URL, timeout, typed errors and secret redaction), a
refusal becomes a ``WeChatWebError`` whose ``code`` the frontend receives
(``?error=wechat_invalid_code`` …, see ``SocialAccountAdapter``), and only the
openid, unionid, nickname and avatar are kept.
"""
