from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "legal"
    verbose_name = "Legal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import privacy, signals  # noqa: F401 (privacy registers itself)

        signals.connect()
