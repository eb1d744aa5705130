"""Anonymous per-day counters for kiosk mode (kiosk.json). Nothing personal is kept."""

from __future__ import annotations

from datetime import date

from tinydb import Query

from course.i18n import N_

from .core import StoreCore
from .records import now

_Q = Query()

KIOSK_EVENTS = ("sessions", "lessons_started", "lessons_finished", "questions_answered", "questions_right")


class KioskMixin(StoreCore):
    def kiosk_count(self, event: str, n: int = 1, day: date | None = None) -> None:
        if event not in KIOSK_EVENTS:
            raise ValueError(f"event must be one of {KIOSK_EVENTS}")
        key = (day or now().astimezone().date()).isoformat()
        with self._guard(N_("the waiting-room counters")):
            table = self._db(self.layout.kiosk).table("days")
            with table.storage.locked():
                found = table.search(_Q.day == key)
                doc = dict(found[0]) if found else {"day": key}
                doc[event] = int(doc.get(event, 0)) + int(n)
                table.upsert(doc, _Q.day == key)

    def kiosk_report(self) -> list[dict[str, int | str]]:
        """One dict per day, oldest first, with every counter (0 when nothing happened)."""
        with self._guard(N_("the waiting-room counters")):
            docs = self._db(self.layout.kiosk).table("days").all()
        rows: list[dict[str, int | str]] = []
        for doc in sorted(docs, key=lambda d: d["day"]):
            row: dict[str, int | str] = {"day": doc["day"]}
            row.update({e: int(doc.get(e, 0)) for e in KIOSK_EVENTS})
            rows.append(row)
        return rows
