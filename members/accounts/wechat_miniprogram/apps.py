from django.apps import AppConfig


class WeChatMiniProgramConfig(AppConfig):
    name = "members.accounts.wechat_miniprogram"
    label = "wechat_miniprogram"
    verbose_name = "WeChat mini-program login"
