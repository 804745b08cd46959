"""One text message: recipients, and either a text or a template purpose + params.

Providers in mainland China only send pre-approved templates, so callers name the
*purpose* (``verification_code``) and its parameters; each backend maps the purpose
to its own template id (see ``core.sms.backends.base.template_setting``). Local
backends (console, file, locmem) render the purpose through ``TEXTS`` in the
message's language, so developers read what a member would receive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .exceptions import SmsInvalidRecipient, SmsRejected

E164 = re.compile(r"^\+[1-9]\d{6,14}$")

#: Local renderings of template purposes. Keep them in step with the templates
#: approved at the providers (their wording lives in the provider console).
TEXTS: dict[str, Any] = {
    "verification_code": _(
        "Your Lubpur verification code is %(code)s. It expires in %(minutes)s "
        "minutes. If you did not ask for it, ignore this message."
    ),
}


def register_text(purpose: str, text: Any) -> None:
    """Let an app add the local rendering of its own template purpose."""
    TEXTS[purpose] = text


class SmsMessage:
    """A text message to one or more numbers in E.164 form (``+8613812345678``).

    Numbers must already be normalised: the callers (account services) own parsing
    what members type; this layer only refuses anything that is not E.164.
    """

    def __init__(
        self,
        to: str | Iterable[str],
        text: str | None = None,
        *,
        template: str | None = None,
        params: Mapping[str, Any] | None = None,
        language: str | None = None,
        connection: Any = None,  # a backend (backends.base imports this module)
    ) -> None:
        self.to = [to] if isinstance(to, str) else list(to)
        if not self.to:
            raise SmsInvalidRecipient("A text message needs at least one number.")
        for number in self.to:
            if not E164.match(number):
                # Never echo the number itself: it is personal data and ends up in logs.
                raise SmsInvalidRecipient("Recipients must be E.164 numbers.")
        if (text is None) == (template is None):
            raise ValueError("Give either text or template, not both or neither.")
        self.text = text
        self.template = template
        self.params = dict(params or {})
        self.language = language or settings.LANGUAGE_CODE
        self.connection = connection
        #: Filled by a provider backend: its id for the sent message (BizId, SerialNo).
        self.provider_ids: list[str] = []

    @property
    def body(self) -> str:
        """The text as a member would read it, in the message's language."""
        if self.text is not None:
            return self.text
        text = TEXTS.get(self.template or "")
        if text is None:
            raise SmsRejected(f"No local text for template purpose {self.template!r}.")
        with translation.override(self.language):
            return str(text) % self.params

    def send(self, fail_silently: bool = False) -> int:
        if self.connection is None:
            from . import get_connection

            self.connection = get_connection(fail_silently=fail_silently)
        return self.connection.send_messages([self])

    def __repr__(self) -> str:
        what = f"template={self.template!r}" if self.template else "text"
        return f"<SmsMessage to {len(self.to)} number(s), {what}>"
