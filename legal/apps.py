from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "legal"
    verbose_name = _("Legal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from core.preview import preview_data_register

        from . import privacy, signals  # noqa: F401 (privacy registers itself)
        from .rendering import policy_preview_data

        signals.connect()
        preview_data_register("legal.PolicyPage", policy_preview_data)
