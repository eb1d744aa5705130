"""The course at home: profiles, the course map, lessons, quizzes, progress and settings for one family."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.worker import Worker, WorkerState

from course.config import Settings
from course.content.library import Courses
from course.i18n import DEFAULT_LANGUAGE, _
from course.ui.app import CourseLoaded
from course.ui.family import FamilyApp

if TYPE_CHECKING:
    from course.content.model import Course
    from course.services import Store

# The course is read in a worker this long after the first frame, so the first screen finishes without it (the
# worker's thread holds the interpreter lock half the time); the welcome screen does not need it.
LOAD_COURSE_AFTER = 0.2


class HomeApp(FamilyApp):
    """``course`` is the course, or ``Courses`` still to be read: the first language is then read in a thread
    worker once the welcome screen is up (the welcome screen does not need the course)."""

    def __init__(self, course: Course | Courses, store: Store, settings: Settings | None = None,
                 data_dir: Path | None = None, *, language: str = DEFAULT_LANGUAGE) -> None:
        to_read = course if isinstance(course, Courses) and not course.has(language) else None
        super().__init__(None if to_read is not None else course, store, settings, data_dir, language=language)
        self.to_read = to_read

    def on_mount(self) -> None:
        super().on_mount()
        if self.to_read is not None:
            self.set_timer(LOAD_COURSE_AFTER, self._start_loading)

    def _start_loading(self) -> None:
        self.run_worker(self._load, name="load course", thread=True, exit_on_error=False)

    def _load(self) -> None:
        assert self.to_read is not None
        self.to_read[self.default_language]  # read now, in this thread
        self.post_message(CourseLoaded(self.to_read))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name == "load course" and event.state is WorkerState.ERROR:
            error = event.worker.error
            self.exit(1, return_code=1, message="family-course: " + _("the lessons could not be read: {error}").format(
                error=error))
