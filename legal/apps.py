from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "legal"
    verbose_name = _("Legal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import privacy, signals  # noqa: F401 (privacy registers itself)

        signals.connect()
