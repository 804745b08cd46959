"""The ``weixin_miniprogram`` provider: no app row, no redirect, no token flow."""

from __future__ import annotations

from typing import Any

from allauth.socialaccount.providers.base import Provider, ProviderAccount
from django.utils.translation import gettext_lazy as _

PROVIDER_ID = "weixin_miniprogram"


class WeChatMiniProgramAccount(ProviderAccount):
    def to_str(self) -> str:
        return str(_("WeChat mini-program"))


class WeChatMiniProgramProvider(Provider):
    id = PROVIDER_ID
    name = "WeChat mini-program"
    account_class = WeChatMiniProgramAccount
    uses_apps = False

    def extract_uid(self, data: dict[str, Any]) -> str:
        return str(data["openid"])

    def extract_extra_data(self, data: dict[str, Any]) -> dict[str, Any]:
        # Never the session_key: it decrypts the member's data and is not needed.
        return {k: data[k] for k in ("openid", "unionid", "appid") if data.get(k)}

    def extract_common_fields(self, data: dict[str, Any]) -> dict[str, Any]:
        return {}


provider_classes = [WeChatMiniProgramProvider]
