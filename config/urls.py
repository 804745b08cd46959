"""The project's URLs: the Wagtail admin, the REST API and its schema and docs.

This is a headless CMS: there are no public HTML pages; frontends read ``/api/v1/``.
"""

from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from frontend_api import auth_spec

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # allauth's spec with our corrections (sign-up consents, 429 problems)
    path("api/v1/auth/openapi.json", auth_spec.AuthSpecJSONView.as_view()),
    path("api/v1/auth/openapi.yaml", auth_spec.AuthSpecYAMLView.as_view()),
    path("api/v1/auth/", include("allauth.headless.urls")),
    path("api/v1/", include("frontend_api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "api/docs/",
        # The split view serves its init script from a URL, so the docs' CSP needs
        # no inline scripts.
        SpectacularSwaggerSplitView.as_view(url_name="api-schema"),
        name="api-docs",
    ),
    # allauth's own views are needed for e-mail links even when headless
    path("accounts/", include("allauth.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "frontend_api.errors.bad_request"
handler404 = "frontend_api.errors.not_found"
handler500 = "frontend_api.errors.server_error"
