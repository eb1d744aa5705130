"""A kiosk app on the real course with a clock the tests move by hand (so no test waits for time to pass)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from course.config import Settings
from course.content import ContentDir, load_course
from course.content.model import Course
from course.store import Store
from course.ui.kiosk.app import KioskApp
from course.ui.kiosk.log import KioskLog
from course.ui.kiosk.serve import build_app

STAFF_PIN = "482913"
SIZE = (100, 30)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@lru_cache(maxsize=1)
def shipped_course() -> Course:
    return load_course([ContentDir.shipped()])


def kiosk_app(tmp_path: Path, *, timeout: float = 120.0, clock: FakeClock | None = None,
              course: Course | None = None, store: Store | None = None) -> KioskApp:
    data = tmp_path / "data"
    if store is None:
        store = Store(data)
        store.set_staff_pin(STAFF_PIN)
    return build_app(course or shipped_course(), store, Settings(), data, timeout, clock=clock or FakeClock(),
                     log=KioskLog(data))


def data_files(data_dir: Path) -> set[str]:
    """Every file under the data folder, except lock files (which hold no data)."""
    return {p.relative_to(data_dir).as_posix() for p in data_dir.rglob("*")
            if p.is_file() and ".locks" not in p.parts}
