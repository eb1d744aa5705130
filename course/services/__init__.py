"""Between the screens and the store: the rules of each mode's data, and what the screens may know of the store.

No Textual here. ``course.ui`` reaches saved data only through this package and the learner
(``course.learner``), never through ``course.store`` (an import-linter contract in pyproject.toml checks it):

* ``profiles.Profiles``: the profiles at home (welcome and settings screens);
* ``group_desk.GroupDesk``: groups, rosters, sessions and what the room sees (group mode);
* ``staff.StaffGate``: the staff PIN at one place (group mode, the kiosk);
* ``kiosk.KioskCounters``: the kiosk's anonymous counters.

The errors and records below are the store's own, named here so that the screens can catch and show them;
``Store`` is named for the apps, which make their services from the store that ``course.ui.launch`` opened.
"""

from __future__ import annotations

from course.store import Store
from course.store import pins as _pins
from course.store.errors import DataTooNew, PinLocked, StoreError
from course.store.records import (
    Group,
    GroupSession,
    JournalEntry,
    LessonState,
    OpenQuiz,
    Profile,
    QuizResult,
    now,
    to_iso,
)

__all__ = [
    "DataTooNew",
    "Group",
    "GroupSession",
    "JournalEntry",
    "LessonState",
    "OpenQuiz",
    "PinLocked",
    "Profile",
    "QuizResult",
    "Store",
    "StoreError",
    "now",
    "pin_clock",
    "to_iso",
]


def pin_clock() -> float:
    """The clock the wrong-PIN waits are measured on, so a countdown on screen ends when the store allows a try."""
    return _pins.clock()
