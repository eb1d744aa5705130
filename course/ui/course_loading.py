"""Loading the course in a background thread, so the first screen (which does not need it) appears sooner."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from course.content.model import Course


class CourseLoading:
    """``load()`` runs in a thread once ``start()`` is called; ``get()`` waits for it (or runs it, if not started).

    The home screen lists profiles only; the course is first needed on the course map, by which time a person
    has read the screen and chosen, and the thread is long done.
    """

    def __init__(self, load: Callable[[], Course]) -> None:
        self._load = load
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._course: Course | None = None
        self._error: BaseException | None = None

    def start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="load course", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        try:
            self._course = self._load()
        except BaseException as error:  # handed to the caller of get(), in the app's own thread
            self._error = error

    def get(self) -> Course:
        self.start()
        assert self._thread is not None
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._course is not None
        return self._course
