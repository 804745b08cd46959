"""Development: print each message to standard output (or the given stream)."""

from __future__ import annotations

import sys
import threading
from typing import IO, TYPE_CHECKING, Any

from .base import BaseSmsBackend

if TYPE_CHECKING:
    from ..message import SmsMessage


class SmsBackend(BaseSmsBackend):
    name = "console"

    def __init__(self, *args: Any, stream: IO[str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.stream = stream or sys.stdout
        self._lock = threading.RLock()

    def format(self, message: SmsMessage) -> str:
        lines = [f"To: {', '.join(message.to)}", f"Language: {message.language}"]
        if message.template:
            lines.append(f"Template: {message.template} {message.params}")
        lines += ["", message.body, "-" * 79, ""]
        return "\n".join(lines)

    def send_message(self, message: SmsMessage) -> None:
        with self._lock:
            self.stream.write(self.format(message))
            self.stream.flush()
