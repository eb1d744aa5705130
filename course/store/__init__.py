"""Progress store on TinyDB: crash-safe, multi-process, one small file per profile. No Textual here."""

from .errors import DataTooNew, PinLocked, StoreError
from .kiosk import KIOSK_EVENTS
from .records import Answer, Group, GroupSession, JournalEntry, LessonState, Profile, QuizResult
from .store import Store

__all__ = [
    "KIOSK_EVENTS",
    "Answer",
    "DataTooNew",
    "Group",
    "GroupSession",
    "JournalEntry",
    "LessonState",
    "PinLocked",
    "Profile",
    "QuizResult",
    "Store",
    "StoreError",
]
