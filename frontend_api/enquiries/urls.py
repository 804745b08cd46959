from django.urls import path

from . import views

urlpatterns = [
    path(
        "me/procurement-requests/",
        views.ProcurementRequestListView.as_view(),
        name="api-me-procurement-requests",
    ),
    path(
        "me/procurement-requests/<int:pk>/",
        views.ProcurementRequestDetailView.as_view(),
        name="api-me-procurement-request",
    ),
    path(
        "me/procurement-requests/<int:pk>/status/",
        views.ProcurementStatusView.as_view(),
        name="api-me-procurement-request-status",
    ),
    path(
        "me/procurement-requests/<int:pk>/messages/",
        views.ProcurementMessageView.as_view(),
        name="api-me-procurement-request-messages",
    ),
    path(
        "me/procurement-requests/<int:pk>/attachments/",
        views.ProcurementAttachmentView.as_view(),
        name="api-me-procurement-request-attachments",
    ),
    path(
        "me/procurement-requests/<int:pk>/attachments/<int:attachment_pk>/",
        views.ProcurementAttachmentFileView.as_view(),
        name="api-me-procurement-request-attachment",
    ),
    path(
        "consultations/",
        views.ConsultationCreateView.as_view(),
        name="api-consultations",
    ),
    path(
        "me/consultations/",
        views.MyConsultationListView.as_view(),
        name="api-me-consultations",
    ),
    path(
        "me/consultations/<int:pk>/",
        views.MyConsultationDetailView.as_view(),
        name="api-me-consultation",
    ),
    path(
        "me/consultations/<int:pk>/messages/",
        views.MyConsultationMessageView.as_view(),
        name="api-me-consultation-messages",
    ),
]
