"""presenter.json: a tiny file the projected screen polls a few times a second."""

from __future__ import annotations

from typing import Any

from course.i18n import N_

from . import envelope, schema
from .core import StoreCore
from .errors import StoreError
from .records import now, to_iso


class PresenterMixin(StoreCore):
    def set_presenter(self, state: dict[str, Any]) -> None:
        """Share what the room should see, e.g. {"lesson_id": ..., "step": 2, "blank": False}."""
        body = schema.new_body(schema.PRESENTER)
        body["state"] = {**state, "updated": to_iso(now())}
        with self._guard(N_("the presenter screen")):
            storage = self._storage(self.layout.presenter)
            with storage.locked():
                storage.save_body(body)

    def presenter(self) -> dict[str, Any] | None:
        """The shared state, or None. One small read, no lock (the file is only ever replaced whole)."""
        try:
            raw = self.layout.presenter.read_bytes()
            body, _ = schema.upgrade(schema.PRESENTER, envelope.decode(raw))
        except (OSError, envelope.Damaged, StoreError):
            return None
        state = body.get("state")
        return dict(state) if isinstance(state, dict) else None
