"""The wrong-PIN wait in words, one wording for every PIN in the course: a profile's PIN and the staff PIN.

After five wrong PINs in a row the store makes the next try wait (``course.store.pins``). Whatever PIN box the
person is at (a profile at home, deleting one's data, the staff PIN in group mode or at the kiosk) says so the
same way, through ``lockout``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from course.i18n import N_, _, ngettext

TOO_MANY = N_("Too many wrong PINs.")  # translated where it is said (Refusal.words)


def wait_words(seconds: float) -> str:
    """``"27 seconds"``, ``"1 second"``, ``"2 minutes"``, ``"1 minute 45 seconds"`` (rounded up)."""
    whole = max(1, math.ceil(seconds - 1e-9))
    if whole <= 90:
        return seconds_words(whole)
    mins, secs = divmod(whole, 60)
    words = ngettext("{count} minute", "{count} minutes", mins).format(count=mins)
    if not secs:
        return words
    # Translators: a wait of minutes and seconds, "1 minute 45 seconds"
    return _("{minutes} {seconds}").format(minutes=words, seconds=seconds_words(secs))


def seconds_words(count: int) -> str:
    return ngettext("{count} second", "{count} seconds", count).format(count=count)


@dataclass(frozen=True)
class Refusal:
    """Why a PIN did not open: what to say, and how long to wait before the next try (0: no wait).

    ``text`` may be a sentence marked with ``N_``: it is translated when it is said."""

    text: str
    wait: float = 0.0

    def words(self, left: float) -> str:
        """What to say with ``left`` seconds of the wait still to go (the text alone once it is over)."""
        text = _(self.text)
        if left <= 0:
            return text
        return _("{refusal} Please wait {time} before trying again.").format(refusal=text, time=wait_words(left))

    @property
    def message(self) -> str:
        """What to say as the wait begins."""
        return self.words(self.wait)


def lockout(retry_after: float) -> Refusal:
    """The refusal while wrong PINs make the next try wait ``retry_after`` seconds (``PinLocked.retry_after``)."""
    return Refusal(TOO_MANY, retry_after)
