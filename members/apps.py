from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from members.privacy_registrations import register_all

        register_all()
        from members import signals  # noqa: F401 (connects the receivers)
