"""The kiosk's counters: anonymous, one a day, and only the known ones."""

from __future__ import annotations

import pytest

from course.services.kiosk import KioskCounters
from course.store import KIOSK_EVENTS, Store


def test_count(store: Store) -> None:
    counters = KioskCounters(store)
    for event in KIOSK_EVENTS:
        counters.count(event)
    counters.count("sessions")
    [day] = store.kiosk_report()
    assert day["sessions"] == 2 and all(day[event] == 1 for event in KIOSK_EVENTS if event != "sessions")
    with pytest.raises(ValueError):
        counters.count("names")
