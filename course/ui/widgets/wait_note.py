"""The message under a staff PIN box. While wrong PINs make staff wait, it counts the wait down every second.

Used by the kiosk's staff dialog and by group mode's staff PIN screen. The wait is measured on the same clock as
the PIN lockout in the store (``course.services.pin_clock``), so what it says is what the store will allow.
"""

from __future__ import annotations

from textual.timer import Timer
from textual.widgets import Static

from course.i18n import N_, _
from course.pin_wait import Refusal
from course.services import pin_clock

TICK_SECONDS = 0.5
READY = N_("You can try the staff PIN again now.")


class WaitNote(Static):
    """Shows a message, or a wait that counts down to ``READY``."""

    def __init__(self, *, id: str, classes: str = "error-text") -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self.until: float | None = None
        self.refusal = Refusal("")
        self._timer: Timer | None = None

    def say(self, text: str) -> None:
        """A plain message; any countdown stops."""
        self._stop()
        self.update(text)

    def refuse(self, refusal: Refusal) -> None:
        """Say why the PIN did not open; a wait is counted down (``Refusal.words``) until ``READY``."""
        if refusal.wait <= 0:
            self.say(refusal.text)
            return
        self.until = pin_clock() + refusal.wait
        self.refusal = refusal
        if self._timer is None:
            self._timer = self.set_interval(TICK_SECONDS, self.tick, name="staff PIN wait")
        self.tick()

    @property
    def waiting(self) -> bool:
        return self.until is not None and self.until > pin_clock()

    def tick(self) -> None:
        if self.until is None:
            return
        left = self.until - pin_clock()
        if left <= 0:
            self._stop()
            self.update(_(READY))
            return
        self.update(self.refusal.words(left))

    def _stop(self) -> None:
        self.until = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
