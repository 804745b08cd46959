"""Policies (``/policies/…``) and consents (``/me/consents/…``, ``/consents/``)."""

from django.urls import path

from . import consents, views

urlpatterns = [
    path("policies/", views.PolicyListView.as_view(), name="api-policies"),
    path(
        "policies/<str:slug>/",
        views.PolicyDetailView.as_view(),
        name="api-policy-detail",
    ),
    path(
        "policies/<str:slug>/versions/",
        views.PolicyVersionListView.as_view(),
        name="api-policy-versions",
    ),
    path(
        "policies/<str:slug>/versions/<str:version>/",
        views.PolicyVersionDetailView.as_view(),
        name="api-policy-version",
    ),
    path(
        "policies/<str:slug>/diff/",
        views.PolicyDiffView.as_view(),
        name="api-policy-diff",
    ),
    path("me/consents/", consents.MyConsentsView.as_view(), name="api-my-consents"),
    path(
        "me/consents/withdraw/",
        consents.MyConsentWithdrawView.as_view(),
        name="api-my-consents-withdraw",
    ),
    path(
        "me/consents/purposes/",
        consents.MyPurposesView.as_view(),
        name="api-my-consent-purposes",
    ),
    path(
        "me/consents/purposes/<str:purpose>/",
        consents.MyPurposeView.as_view(),
        name="api-my-consent-purpose",
    ),
    path("consents/", consents.VisitorConsentView.as_view(), name="api-consents"),
]
