"""The course at home: profiles, the course map, lessons, quizzes, progress and settings for one family."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.worker import Worker, WorkerState

from course.config import Settings
from course.ui.app import CourseLoaded
from course.ui.family import FamilyApp

if TYPE_CHECKING:
    from course.content.model import Course
    from course.services import Store

# The course is read in a worker this long after the first frame, so the first screen finishes without it (the
# worker's thread holds the interpreter lock half the time); the welcome screen does not need it.
LOAD_COURSE_AFTER = 0.2


class HomeApp(FamilyApp):
    """``course`` is the course, or a function that reads it: it then runs in a thread worker once the welcome
    screen is up (the welcome screen does not need the course)."""

    def __init__(self, course: Course | Callable[[], Course], store: Store, settings: Settings | None = None,
                 data_dir: Path | None = None) -> None:
        # A function reads the course later; the course itself is ready (a Course is not callable).
        super().__init__(None if callable(course) else course, store, settings, data_dir)
        self.load = course if callable(course) else None

    def on_mount(self) -> None:
        super().on_mount()
        if self.load is not None:
            self.set_timer(LOAD_COURSE_AFTER, self._start_loading)

    def _start_loading(self) -> None:
        self.run_worker(self._load, name="load course", thread=True, exit_on_error=False)

    def _load(self) -> None:
        assert self.load is not None
        self.post_message(CourseLoaded(self.load()))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name == "load course" and event.state is WorkerState.ERROR:
            error = event.worker.error
            self.exit(1, return_code=1, message=f"family-course: the lessons could not be read: {error}")
