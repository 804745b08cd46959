from django.urls import path

from . import consultations, procurement, subscriptions, views

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
        "documents/<int:pk>/download/",
        views.DocumentDownloadView.as_view(),
        name="api-document-download",
    ),
]

urlpatterns += [
    path(
        "me/procurement-requests/",
        procurement.ProcurementRequestListView.as_view(),
        name="api-me-procurement-requests",
    ),
    path(
        "me/procurement-requests/<int:pk>/",
        procurement.ProcurementRequestDetailView.as_view(),
        name="api-me-procurement-request",
    ),
    path(
        "me/procurement-requests/<int:pk>/status/",
        procurement.ProcurementStatusView.as_view(),
        name="api-me-procurement-request-status",
    ),
    path(
        "me/procurement-requests/<int:pk>/messages/",
        procurement.ProcurementMessageView.as_view(),
        name="api-me-procurement-request-messages",
    ),
    path(
        "me/procurement-requests/<int:pk>/attachments/",
        procurement.ProcurementAttachmentView.as_view(),
        name="api-me-procurement-request-attachments",
    ),
]

urlpatterns += [
    path(
        "consultations/",
        consultations.ConsultationCreateView.as_view(),
        name="api-consultations",
    ),
    path(
        "me/consultations/",
        consultations.MyConsultationListView.as_view(),
        name="api-me-consultations",
    ),
    path(
        "me/consultations/<int:pk>/",
        consultations.MyConsultationDetailView.as_view(),
        name="api-me-consultation",
    ),
    path(
        "me/consultations/<int:pk>/messages/",
        consultations.MyConsultationMessageView.as_view(),
        name="api-me-consultation-messages",
    ),
    path(
        "subscriptions/",
        subscriptions.SubscribeView.as_view(),
        name="api-subscriptions",
    ),
    path(
        "subscriptions/confirm/",
        subscriptions.ConfirmView.as_view(),
        name="api-subscriptions-confirm",
    ),
    path(
        "subscriptions/unsubscribe/",
        subscriptions.UnsubscribeView.as_view(),
        name="api-subscriptions-unsubscribe",
    ),
    path(
        "subscriptions/tracking/",
        subscriptions.TrackingChoiceView.as_view(),
        name="api-subscriptions-tracking",
    ),
    path(
        "subscriptions/t/open/<str:token>.gif",
        subscriptions.OpenPixelView.as_view(),
        name="api-subscriptions-open",
    ),
    path(
        "subscriptions/t/click/<str:token>",
        subscriptions.ClickView.as_view(),
        name="api-subscriptions-click",
    ),
    path(
        "me/subscriptions/",
        subscriptions.MySubscriptionView.as_view(),
        name="api-me-subscriptions",
    ),
]
