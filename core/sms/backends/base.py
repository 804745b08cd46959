"""The interface every SMS backend implements, and the settings helpers they share."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils.translation import get_language_info

from ..exceptions import SmsError, SmsImproperlyConfigured

if TYPE_CHECKING:
    from ..message import SmsMessage

logger = logging.getLogger("core.sms")


class BaseSmsBackend:
    """Like ``django.core.mail.backends.base.BaseEmailBackend``.

    Subclasses implement ``send_message``; ``send_messages`` handles
    ``fail_silently`` (errors are logged, never raised) and counts what went out.
    """

    name = "base"

    def __init__(self, fail_silently: bool = False, **kwargs: Any) -> None:
        self.fail_silently = fail_silently

    def open(self) -> None:
        """Open a network connection, when the backend keeps one."""

    def close(self) -> None:
        """Close it."""

    def __enter__(self) -> BaseSmsBackend:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def send_message(self, message: SmsMessage) -> None:
        raise NotImplementedError

    def send_messages(self, messages: Sequence[SmsMessage]) -> int:
        sent = 0
        for message in messages:
            try:
                self.send_message(message)
            except SmsError as exc:
                if not self.fail_silently:
                    raise
                logger.warning(
                    "SMS not sent by %s: %s (%s)", self.name, exc.code, exc.request_id
                )
                continue
            sent += 1
        return sent


def setting(name: str, default: Any = None, *, required: bool = False) -> Any:
    value = getattr(settings, name, default)
    if required and not value:
        raise SmsImproperlyConfigured(f"Set {name} to send text messages.")
    return value


def _for_language(values: Any, language: str) -> Any:
    """``values`` is a single value, or a mapping language code → value; pick the
    message's language, its generic form (``zh`` for ``zh-hans``) or the site's."""
    if not isinstance(values, Mapping):
        return values
    candidates = [language, language.split("-")[0], settings.LANGUAGE_CODE]
    for code in candidates:
        if code in values:
            return values[code]
    try:
        # zh-hans is also reachable as its generic Chinese form.
        return values.get(get_language_info(language)["code"])
    except KeyError:
        return None


def template_setting(setting_name: str, purpose: str, language: str) -> Any:
    """The provider's template for a purpose, from ``{purpose: id | {lang: id}}``."""
    templates = setting(setting_name, {}) or {}
    found = _for_language(templates.get(purpose), language)
    if not found:
        raise SmsImproperlyConfigured(
            f"No {setting_name} entry for purpose {purpose!r} in {language!r}."
        )
    return found


def sign_name_setting(setting_name: str, language: str) -> str:
    """The approved sign name (签名, shown as 【…】) in the message's language."""
    found = _for_language(setting(setting_name, required=True), language)
    if not found:
        raise SmsImproperlyConfigured(f"No {setting_name} entry for {language!r}.")
    return str(found)
