from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontendApiConfig(AppConfig):
    name = "frontend_api"
    verbose_name = _("Frontend API")
    default_auto_field = "django.db.models.BigAutoField"
