"""The kiosk's own log in the data folder: unexpected errors and wrong staff PINs, never anything a guest did.

The file is kept small (one older copy is kept when it grows past ``MAX_BYTES``) and readable only by the
kiosk's user. Writing it never raises: a kiosk must not stop because its log cannot be written.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

LOG_NAME = "kiosk.log"
MAX_BYTES = 256 * 1024


class KioskLog:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LOG_NAME

    def write(self, message: str, error: BaseException | None = None) -> None:
        stamp = datetime.now().astimezone().isoformat(timespec="seconds")
        text = f"{stamp} {message}\n"
        if error is not None:
            text += "".join(traceback.format_exception(type(error), error, error.__traceback__))
        try:
            self._rotate()
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, text.encode("utf-8", "replace"))
            finally:
                os.close(fd)
        except OSError:
            pass

    def _rotate(self) -> None:
        try:
            if self.path.stat().st_size > MAX_BYTES:
                os.replace(self.path, self.path.with_name(LOG_NAME + ".1"))
        except FileNotFoundError:
            pass
