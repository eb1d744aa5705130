"""The one staff PIN (kiosk staff and group counselor), kept in staff.json."""

from __future__ import annotations

from typing import Any

from . import pins
from .core import StoreCore


class StaffMixin(StoreCore):
    def has_staff_pin(self) -> bool:
        return self._staff_doc().get("pin") is not None

    def set_staff_pin(self, pin: str) -> None:
        record = pins.hash_pin(pin)
        with self._guard("the staff PIN"):
            self._staff_table().upsert_one({"pin": record, "failures": 0, "locked_until": 0.0})

    def check_staff_pin(self, pin: str) -> bool:
        """True if ``pin`` is the staff PIN. False if none is set. Raises PinLocked during a delay."""
        with self._guard("the staff PIN check"):
            table = self._staff_table()
            with table.storage.locked():
                doc = self._staff_doc()
                if doc.get("pin") is None:
                    return False
                ok, state = pins.attempt(doc, doc["pin"], pin)
                if pins.changed(doc, state):
                    table.upsert_one(state)
                return ok

    def staff_pin_failures(self) -> int:
        """Wrong staff PINs since the last right one."""
        return int(self._staff_doc().get("failures", 0))

    def _staff_table(self) -> Any:
        return _Single(self._db(self.layout.staff).table("staff"))

    def _staff_doc(self) -> dict[str, Any]:
        with self._guard("the staff PIN"):
            docs = self._db(self.layout.staff).table("staff").all()
        return dict(docs[0]) if docs else {}


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
