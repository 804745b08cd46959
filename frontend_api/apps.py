from django.apps import AppConfig


class FrontendApiConfig(AppConfig):
    name = "frontend_api"
    verbose_name = "Frontend API"
    default_auto_field = "django.db.models.BigAutoField"
