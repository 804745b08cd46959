"""``/accounts/weixin/login/`` and ``…/login/callback/`` (the ``redirect_uri``)."""

from allauth.socialaccount.providers.oauth2.urls import default_urlpatterns

from .provider import WeChatWebProvider

urlpatterns = default_urlpatterns(WeChatWebProvider)
