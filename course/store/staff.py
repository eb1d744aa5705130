"""The one staff PIN (kiosk staff and group counselor), kept in staff.json.

Wrong tries are counted, and slow the next try, separately for each place the PIN is typed: a visitor guessing
at the waiting-room kiosk must not lock the counselor out of group mode on the same data folder.
"""

from __future__ import annotations

from typing import Any

from course.i18n import N_

from . import pins
from .core import StoreCore

KIOSK, GROUP = "kiosk", "group"
PLACES = (KIOSK, GROUP)


class StaffMixin(StoreCore):
    def has_staff_pin(self) -> bool:
        return self._staff_doc().get("pin") is not None

    def set_staff_pin(self, pin: str) -> None:
        """Set or change the staff PIN; every place starts again with no wrong tries."""
        record = pins.hash_pin(pin)
        with self._guard(N_("the staff PIN")):
            self._staff_table().upsert_one({"pin": record, "tries": {}, "failures": 0, "locked_until": 0.0})

    def check_staff_pin(self, pin: str, place: str = GROUP) -> bool:
        """True if ``pin`` is the staff PIN. False if none is set. Raises PinLocked during a delay.

        ``place`` is where it was typed (``KIOSK`` or ``GROUP``): each place has its own count of wrong tries.
        """
        _check_place(place)
        with self._guard(N_("the staff PIN check")):
            table = self._staff_table()
            with table.storage.locked():
                doc = self._staff_doc()
                if doc.get("pin") is None:
                    return False
                before = _tries(doc, place)
                ok, state = pins.attempt(before, doc["pin"], pin)
                if pins.changed(before, state):
                    tries = doc.get("tries")
                    table.upsert_one({"tries": {**(tries if isinstance(tries, dict) else {}), place: state}})
                return ok

    def staff_pin_failures(self, place: str = GROUP) -> int:
        """Wrong staff PINs typed at ``place`` since the last right one there."""
        _check_place(place)
        return int(_tries(self._staff_doc(), place).get("failures", 0))

    def staff_pin_wait(self, place: str = GROUP) -> float:
        """Seconds before the staff PIN may be tried again at ``place`` (0 when it may be tried now)."""
        _check_place(place)
        locked_until = float(_tries(self._staff_doc(), place).get("locked_until", 0.0))
        return max(0.0, min(locked_until - pins.clock(), pins.MAX_DELAY))

    def _staff_table(self) -> Any:
        return _Single(self._db(self.layout.staff).table("staff"))

    def _staff_doc(self) -> dict[str, Any]:
        with self._guard(N_("the staff PIN")):
            docs = self._db(self.layout.staff).table("staff").all()
        return dict(docs[0]) if docs else {}


def _check_place(place: str) -> None:
    if place not in PLACES:
        raise ValueError(f"place must be one of {PLACES}")


def _tries(doc: dict[str, Any], place: str) -> dict[str, Any]:
    """The wrong-try state of one place. A file from before places were kept apart has one shared state at
    the top level: it still holds for a place until that place has a state of its own."""
    tries = doc.get("tries")
    if isinstance(tries, dict) and isinstance(tries.get(place), dict):
        found: dict[str, Any] = tries[place]
        return found
    return {"failures": doc.get("failures", 0), "locked_until": doc.get("locked_until", 0.0)}


class _Single:
    """A table holding one document."""

    def __init__(self, table: Any) -> None:
        self.table = table
        self.storage = table.storage

    def upsert_one(self, fields: dict[str, Any]) -> None:
        with self.storage.locked():
            if self.table.all():
                self.table.update(fields)
            else:
                self.table.insert(fields)
