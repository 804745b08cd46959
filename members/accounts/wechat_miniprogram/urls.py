"""No URLs: the mini-program login is /api/v1/auth/wechat/miniprogram/."""

urlpatterns: list = []
