"""The wrong-PIN wait in words, one wording for every PIN in the course: a profile's PIN and the staff PIN.

After five wrong PINs in a row the store makes the next try wait (``course.store.pins``). Whatever PIN box the
person is at (a profile at home, deleting one's data, the staff PIN in group mode or at the kiosk) says so the
same way, through ``lockout``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

TOO_MANY = "Too many wrong PINs."


def wait_words(seconds: float) -> str:
    """``"27 seconds"``, ``"1 second"``, ``"2 minutes"``, ``"1 minute 45 seconds"`` (rounded up)."""
    whole = max(1, math.ceil(seconds - 1e-9))
    if whole <= 90:
        return f"{whole} second{'s' if whole != 1 else ''}"
    mins, secs = divmod(whole, 60)
    words = f"{mins} minute{'s' if mins != 1 else ''}"
    return f"{words} {secs} second{'s' if secs != 1 else ''}" if secs else words


@dataclass(frozen=True)
class Refusal:
    """Why a PIN did not open: what to say, and how long to wait before the next try (0: no wait)."""

    text: str
    wait: float = 0.0

    def words(self, left: float) -> str:
        """What to say with ``left`` seconds of the wait still to go (the text alone once it is over)."""
        if left <= 0:
            return self.text
        return f"{self.text} Please wait {wait_words(left)} before trying again."

    @property
    def message(self) -> str:
        """What to say as the wait begins."""
        return self.words(self.wait)


def lockout(retry_after: float) -> Refusal:
    """The refusal while wrong PINs make the next try wait ``retry_after`` seconds (``PinLocked.retry_after``)."""
    return Refusal(TOO_MANY, retry_after)
