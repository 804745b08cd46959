"""The user row in the personal data registry (``core.privacy``): its profile is
exported; on cancellation it is anonymised, last of all (its id is the pseudonym
the rows other erasers keep point at). Imported by ``MembersConfig.ready``."""

from core import privacy

from .models import User
from .services import user_anonymise, user_profile_export

privacy.register(User, exporter=user_profile_export, eraser=user_anonymise)
