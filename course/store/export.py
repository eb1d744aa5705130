"""Export one profile's data as a JSON-ready dict (for the family to keep, or to take elsewhere)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .core import StoreCore
from .records import now, to_iso

EXPORT_FORMAT = "family-course-profile"
EXPORT_VERSION = 1


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return to_iso(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


class ExportMixin(StoreCore):
    def export_profile(self, pid: str) -> dict[str, Any]:
        """Everything kept for one profile, except its PIN hash."""
        me: Any = self
        profile = me.profile(pid)._asdict()
        return _plain(
            {
                "format": EXPORT_FORMAT,
                "version": EXPORT_VERSION,
                "exported": now(),
                "profile": profile,
                "lessons": [s._asdict() for s in me.lesson_states(pid).values()],
                "answers": [a._asdict() for a in me.answers(pid)],
                "quiz_results": [q._asdict() for q in me.quiz_results(pid)],
                "journal": [j._asdict() for j in me.journal(pid)],
                "preferences": me.preferences(pid),
            }
        )
