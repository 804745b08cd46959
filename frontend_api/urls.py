"""``/api/v1/``: one URL module per area, each owned by its feature."""

from django.urls import include, path

from .root import ApiRootView

urlpatterns = [
    path("", ApiRootView.as_view(), name="api-root"),
    path("", include("frontend_api.content.urls")),
    path("", include("frontend_api.accounts.urls")),
    path("", include("frontend_api.privacy.urls")),
    path("", include("frontend_api.notices.urls")),
    path("", include("frontend_api.policies.urls")),
    path("", include("frontend_api.activity.urls")),
    path("", include("frontend_api.enquiries.urls")),
    path("", include("frontend_api.subscriptions.urls")),
    path("", include("frontend_api.search.urls")),
]
