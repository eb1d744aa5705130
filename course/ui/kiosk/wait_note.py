"""The message under a staff PIN box. While wrong PINs make staff wait, it counts the wait down every second.

Used by the kiosk's staff dialog and by group mode's staff PIN screen. The wait is measured on the same clock as
the PIN lockout in the store (``course.store.pins.clock``), so what it says is what the store will allow.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from textual.timer import Timer
from textual.widgets import Static

from course.store import pins

TICK_SECONDS = 0.5
READY = "You can try the staff PIN again now."


@dataclass(frozen=True)
class Refusal:
    """Why a staff PIN did not open: what to say, and how long to wait before the next try (0: no wait)."""

    text: str
    wait: float = 0.0


def wait_words(seconds: float) -> str:
    """``"27 seconds"``, ``"1 second"``, ``"2 minutes"``, ``"1 minute 45 seconds"`` (rounded up)."""
    whole = max(1, math.ceil(seconds - 1e-9))
    if whole <= 90:
        return f"{whole} second{'s' if whole != 1 else ''}"
    minutes, secs = divmod(whole, 60)
    words = f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{words} {secs} second{'s' if secs != 1 else ''}" if secs else words


class WaitNote(Static):
    """Shows a message, or a wait that counts down to ``READY``."""

    def __init__(self, *, id: str, classes: str = "error-text") -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self.until: float | None = None
        self.before = ""
        self._timer: Timer | None = None

    def say(self, text: str) -> None:
        """A plain message; any countdown stops."""
        self._stop()
        self.update(text)

    def refuse(self, refusal: Refusal) -> None:
        if refusal.wait > 0:
            self.wait(refusal.wait, refusal.text + " ")
        else:
            self.say(refusal.text)

    def wait(self, seconds: float, before: str = "") -> None:
        """``before`` then "Please wait N seconds before trying again.", counting down from ``seconds``."""
        self.until = pins.clock() + seconds
        self.before = before
        if self._timer is None:
            self._timer = self.set_interval(TICK_SECONDS, self.tick, name="staff PIN wait")
        self.tick()

    @property
    def waiting(self) -> bool:
        return self.until is not None and self.until > pins.clock()

    def tick(self) -> None:
        if self.until is None:
            return
        left = self.until - pins.clock()
        if left <= 0:
            self._stop()
            self.update(READY)
            return
        self.update(f"{self.before}Please wait {wait_words(left)} before trying again.")

    def _stop(self) -> None:
        self.until = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
