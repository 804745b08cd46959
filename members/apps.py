from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    """One Django app (label ``members``) holding five domains, one subpackage each:
    ``accounts``, ``privacy``, ``enquiries``, ``subscriptions``, ``activity``."""

    name = "members"
    verbose_name = _("Members")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Each domain registers its personal data (core.privacy) on import.
        from members.accounts import privacy as accounts_privacy  # noqa: F401
        from members.accounts import staff  # noqa: F401 (staff accounts' defaults)
        from members.activity import privacy as activity_privacy  # noqa: F401
        from members.enquiries import privacy as enquiries_privacy  # noqa: F401
        from members.notices import privacy as notices_privacy  # noqa: F401
        from members.privacy import privacy as privacy_privacy  # noqa: F401
        from members.subscriptions import privacy as subscriptions_privacy  # noqa: F401
        from members.subscriptions import signals  # noqa: F401 (connects receivers)
