"""allauth provider ``weixin_miniprogram``: WeChat identities bound through the
mini-program (``POST /api/v1/auth/wechat/miniprogram/``).

The web login (QR code) is allauth's own ``weixin`` provider; both keep their
bindings as allauth ``SocialAccount`` rows (uid = the app's openid, ``extra_data``
holds the unionid), so members list and unbind them in one place. There is no
redirect or token flow here: our endpoint exchanges the ``wx.login`` code itself
(``core.wechat``). Installed as an app so allauth's provider registry finds it.
"""
