"""The OAuth 2 adapter and views of the web login (QR code)."""

from __future__ import annotations

from typing import Any

from allauth.socialaccount.providers.base import ProviderException
from allauth.socialaccount.providers.oauth2.views import (
    OAuth2CallbackView,
    OAuth2LoginView,
)
from allauth.socialaccount.providers.weixin.client import WeixinOAuth2Client
from allauth.socialaccount.providers.weixin.views import WeixinOAuth2Adapter
from django.conf import settings

from core import wechat

DEFAULT_AUTHORIZE_URL = "https://open.weixin.qq.com/connect/qrconnect"


class WeChatWebError(ProviderException):
    """WeChat refused the code or the token; ``code`` is our problem code."""

    def __init__(self, exc: wechat.WeChatError) -> None:
        from ..identities import wechat_problem

        super().__init__(str(exc))
        self.code = wechat_problem(exc).code


class WeChatWebOAuth2Client(WeixinOAuth2Client):
    def get_redirect_url(self, authorization_url, scope, extra_params) -> str:
        # WeChat's QR page wants its fragment after the query (its docs, and it
        # shows an error page without it).
        return super().get_redirect_url(authorization_url, scope, extra_params) + (
            "#wechat_redirect"
        )

    def get_access_token(self, code, pkce_code_verifier=None) -> dict[str, Any]:
        client = wechat.get_web_client(
            appid=self.consumer_key, secret=self.consumer_secret
        )
        try:
            return client.oauth_access_token(code)
        except wechat.WeChatError as exc:
            raise WeChatWebError(exc) from exc


class WeChatWebOAuth2Adapter(WeixinOAuth2Adapter):
    client_class = WeChatWebOAuth2Client
    access_token_method = "GET"  # noqa: S105 (an HTTP method: WeChat's is GET)

    @property  # type: ignore[override]
    def access_token_url(self) -> str:
        return settings.WECHAT_API_BASE_URL.rstrip("/") + "/sns/oauth2/access_token"

    @property  # type: ignore[override]
    def profile_url(self) -> str:
        return settings.WECHAT_API_BASE_URL.rstrip("/") + "/sns/userinfo"

    @property
    def authorize_url(self) -> str:
        return settings.WECHAT_WEB_AUTHORIZE_URL or DEFAULT_AUTHORIZE_URL

    def complete_login(self, request, app, token, **kwargs: Any):
        openid = str((kwargs.get("response") or {}).get("openid", ""))
        client = wechat.get_web_client(appid=app.client_id, secret=app.secret)
        try:
            # httpx decodes the JSON as UTF-8 whatever WeChat's Content-Type says,
            # so nicknames need no re-decoding.
            data = client.oauth_userinfo(token.token, openid)
        except wechat.WeChatError as exc:
            raise WeChatWebError(exc) from exc
        return self.get_provider().sociallogin_from_response(request, data)


oauth2_login = OAuth2LoginView.adapter_view(WeChatWebOAuth2Adapter)
oauth2_callback = OAuth2CallbackView.adapter_view(WeChatWebOAuth2Adapter)
