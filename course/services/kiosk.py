"""The kiosk's anonymous counters: how many visits, lessons and answers a day. Nothing personal."""

from __future__ import annotations

from course.store import KIOSK_EVENTS, Store

__all__ = ["KIOSK_EVENTS", "KioskCounters"]


class KioskCounters:
    def __init__(self, store: Store) -> None:
        self.store = store

    def count(self, event: str) -> None:
        """Add one to today's ``event`` (one of ``KIOSK_EVENTS``). Raises StoreError when it cannot be saved."""
        self.store.kiosk_count(event)
