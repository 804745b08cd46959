from django.urls import path

from . import views, wechat

urlpatterns = [
    path("me/", views.MeView.as_view(), name="api-me"),
    path("me/avatar/", views.AvatarView.as_view(), name="api-me-avatar"),
    path(
        "me/avatar/<str:size>/",
        views.AvatarFileView.as_view(),
        name="api-me-avatar-file",
    ),
    path(
        "auth/wechat/miniprogram/",
        wechat.MiniProgramLoginView.as_view(),
        name="api-auth-wechat-miniprogram",
    ),
    path(
        "auth/wechat/web/ticket/",
        wechat.WebTicketView.as_view(),
        name="api-auth-wechat-web-ticket",
    ),
    path("me/wechat/", wechat.WeChatBindingListView.as_view(), name="api-me-wechat"),
    path(
        "me/wechat/phone/", wechat.WeChatPhoneView.as_view(), name="api-me-wechat-phone"
    ),
    path(
        "me/wechat/<int:pk>/",
        wechat.WeChatBindingDetailView.as_view(),
        name="api-me-wechat-binding",
    ),
]
