from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontendApiConfig(AppConfig):
    name = "frontend_api"
    verbose_name = _("Frontend API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # The admin previews products and guides from the API's own data when no
        # frontend is configured (core.preview).
        from core.preview import preview_data_register

        from .content.views.preview import admin_preview_data

        preview_data_register("products.ProductPage", admin_preview_data)
        preview_data_register("products.GuidePage", admin_preview_data)
