"""The Store: every part of the progress store in one object."""

from __future__ import annotations

from .groups import GroupsMixin
from .journal import JournalMixin
from .kiosk import KioskMixin
from .presenter import PresenterMixin
from .profiles import ProfilesMixin
from .progress import ProgressMixin
from .staff import StaffMixin


class Store(GroupsMixin, ProfilesMixin, ProgressMixin, JournalMixin, StaffMixin, KioskMixin, PresenterMixin):
    """Progress, profiles, journal, groups and kiosk counters under one data directory.

    ``Store(data_dir)`` creates the directory (mode 0700) if needed, repairs what a crash or a
    damaged file left behind (see ``problems``) and takes backups. Many processes may open the
    same directory at once. Use it as a context manager, or call ``close()`` when done.
    """
