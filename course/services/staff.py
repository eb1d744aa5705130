"""The staff PIN at one place (group mode or the kiosk): whether it opens, and if not, why and for how long."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from course.pin_wait import Refusal, lockout
from course.store import Store
from course.store.errors import PinLocked, StoreError
from course.store.pins import delay_after
from course.store.staff import GROUP, KIOSK, PLACES

__all__ = ["GROUP", "KIOSK", "Outcome", "StaffCheck", "StaffGate"]


class Outcome(Enum):
    OPEN = "open"
    WRONG = "wrong"  # checked and wrong (or no staff PIN is set)
    LOCKED = "locked"  # typed during a wait after wrong PINs, so not checked
    FAILED = "failed"  # the saved data could not be read or written


@dataclass(frozen=True)
class StaffCheck:
    outcome: Outcome
    wait: float = 0.0  # seconds before the next try (WRONG, LOCKED)
    failures: int = 0  # wrong staff PINs in a row at this place (WRONG)
    problem: str = ""  # what went wrong with the saved data (FAILED)

    @property
    def opened(self) -> bool:
        return self.outcome is Outcome.OPEN

    def refusal(self, wrong: str) -> Refusal | None:
        """What to tell the person at the keyboard, with ``wrong`` as the words for a wrong PIN (None: it opened)."""
        match self.outcome:
            case Outcome.OPEN:
                return None
            case Outcome.LOCKED:
                return lockout(self.wait)
            case Outcome.FAILED:
                return Refusal(self.problem)
            case _:
                return Refusal(wrong, self.wait)


class StaffGate:
    """The staff PIN as typed at ``place`` (``GROUP`` or ``KIOSK``), each place with its own count of wrong tries,
    so that a visitor guessing at the kiosk never locks the counselor out of group mode."""

    def __init__(self, store: Store, place: str) -> None:
        if place not in PLACES:
            raise ValueError(f"place must be one of {PLACES}")
        self.store = store
        self.place = place
        self.wrong_here = 0  # wrong tries in a row seen by this gate: the count when the store's cannot be read

    def is_set(self) -> bool:
        return self.store.has_staff_pin()

    def choose(self, pin: str) -> None:
        """Set (or change) the staff PIN; every place starts again with no wrong tries."""
        self.store.set_staff_pin(pin)

    def check(self, pin: str) -> StaffCheck:
        try:
            if self.store.check_staff_pin(pin, self.place):
                self.wrong_here = 0
                return StaffCheck(Outcome.OPEN)
        except PinLocked as locked:
            return StaffCheck(Outcome.LOCKED, wait=locked.retry_after)
        except StoreError as error:
            return StaffCheck(Outcome.FAILED, problem=str(error))
        self.wrong_here += 1
        try:
            failures = self.store.staff_pin_failures(self.place)
        except StoreError:
            failures = self.wrong_here
        try:
            wait = self.store.staff_pin_wait(self.place)
        except StoreError:
            wait = delay_after(failures)
        return StaffCheck(Outcome.WRONG, wait=wait, failures=failures)
