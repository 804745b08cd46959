"""The accounts domain in the personal data registry (``core.privacy``): the user
row's profile is exported and, on cancellation, anonymised last of all (its id is
the pseudonym the rows other erasers keep point at); the records of texted codes
are exported and deleted. WeChat bindings are allauth ``SocialAccount`` rows,
registered with the other library models in ``members.privacy.privacy``.
Imported by ``MembersConfig.ready``."""

from core import privacy

from .models import OutgoingSms, User
from .services import user_anonymise, user_profile_export

privacy.register(User, exporter=user_profile_export, eraser=user_anonymise)
# Records of the codes we texted (the number and when; the code itself is wiped
# once sent).
privacy.register(
    OutgoingSms,
    exporter=privacy.rows("phone", "purpose", "language", "created_at", "sent_at"),
    eraser=privacy.delete_rows(),
)
