from django.urls import path

from . import views

urlpatterns = [
    path("me/notices/", views.NoticeListView.as_view(), name="api-me-notices"),
    path(
        "me/notices/<int:pk>/read/",
        views.NoticeReadView.as_view(),
        name="api-me-notice-read",
    ),
]
