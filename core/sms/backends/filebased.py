"""One file per message under ``SMS_FILE_PATH`` (like Django's file e-mail backend).

Each file holds the number(s), the language, the template purpose if any, and the
text, so a developer or an end-to-end test can read the code a member would get.
"""

from __future__ import annotations

import datetime
import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..exceptions import SmsImproperlyConfigured
from .base import setting
from .console import SmsBackend as ConsoleBackend

if TYPE_CHECKING:
    from ..message import SmsMessage


class SmsBackend(ConsoleBackend):
    name = "file"

    def __init__(self, *args: Any, file_path: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        path = file_path or setting("SMS_FILE_PATH")
        if not path:
            raise SmsImproperlyConfigured("Set SMS_FILE_PATH for the file SMS backend.")
        self.file_path = Path(path)
        if self.file_path.exists() and not self.file_path.is_dir():
            raise SmsImproperlyConfigured(f"SMS_FILE_PATH {path} is not a directory.")
        os.makedirs(self.file_path, exist_ok=True)

    def send_message(self, message: SmsMessage) -> None:
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
        target = self.file_path / f"{stamp}-{uuid.uuid4().hex[:12]}.txt"
        target.write_text(self.format(message), encoding="utf-8")
