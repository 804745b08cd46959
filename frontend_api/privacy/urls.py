from django.urls import path

from . import views

urlpatterns = [
    path("me/export/", views.ExportView.as_view(), name="api-me-export"),
    path(
        "me/privacy-requests/",
        views.PrivacyRequestListView.as_view(),
        name="api-me-privacy-requests",
    ),
    path(
        "me/privacy-requests/<int:pk>/",
        views.PrivacyRequestDetailView.as_view(),
        name="api-me-privacy-request",
    ),
    path(
        "privacy/visitor-deletion/",
        views.VisitorDeletionRequestView.as_view(),
        name="api-privacy-visitor-deletion",
    ),
    path(
        "privacy/visitor-deletion/confirm/",
        views.VisitorDeletionConfirmView.as_view(),
        name="api-privacy-visitor-deletion-confirm",
    ),
]
