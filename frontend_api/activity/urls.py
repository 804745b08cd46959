from django.urls import path

from . import views

urlpatterns = [
    path("me/favorites/", views.FavoriteListView.as_view(), name="api-me-favorites"),
    path(
        "me/favorites/<int:page_id>/",
        views.FavoriteDetailView.as_view(),
        name="api-me-favorite",
    ),
    path("me/footprints/", views.FootprintListView.as_view(), name="api-me-footprints"),
    path(
        "me/footprints/<int:pk>/",
        views.FootprintDetailView.as_view(),
        name="api-me-footprint",
    ),
    path("me/downloads/", views.DownloadListView.as_view(), name="api-me-downloads"),
    path(
        "me/downloads/<int:pk>/",
        views.DownloadDetailView.as_view(),
        name="api-me-download",
    ),
    path(
        "documents/<int:pk>/download/",
        views.DocumentDownloadView.as_view(),
        name="api-document-download",
    ),
]
