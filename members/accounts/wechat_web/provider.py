"""The ``weixin`` provider with our adapter (see the package docstring)."""

from __future__ import annotations

from typing import Any

from allauth.socialaccount.providers.weixin.provider import WeixinProvider

from .views import WeChatWebOAuth2Adapter

KEPT = ("openid", "unionid", "nickname", "headimgurl")


class WeChatWebProvider(WeixinProvider):
    oauth2_adapter_class = WeChatWebOAuth2Adapter

    def extract_extra_data(self, data: dict[str, Any]) -> dict[str, Any]:
        # Data minimisation: not the sex, city, province, country, privilege.
        return {key: data[key] for key in KEPT if data.get(key)}

    def extract_common_fields(self, data: dict[str, Any]) -> dict[str, Any]:
        # Nothing for the user row: no username field, and a nickname is not a
        # display name the member chose here.
        return {}


provider_classes = [WeChatWebProvider]
