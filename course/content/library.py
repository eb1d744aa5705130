"""The course in each of its languages, each read the first time it is asked for.

A family that reads Spanish gets the Spanish lessons and quizzes; one that reads English never waits for them.
English stands in for any file a language does not have (``load_course``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from course.i18n import check_language

if TYPE_CHECKING:
    from course.content.dirs import ContentDir
    from course.content.model import Course


class Courses:
    """``courses[language]`` is the course in ``language``, read from ``dirs`` when first wanted (or the one
    given). Safe to use from a worker thread and the app's thread at once: each language is read once."""

    def __init__(self, dirs: Sequence[ContentDir] | None = None, *, given: Sequence[Course] = (),
                 read: Callable[[str], Course] | None = None) -> None:
        self.dirs = None if dirs is None else list(dirs)
        self.read = read or self._load  # language -> course
        self._read: dict[str, Course] = {course.language: course for course in given}
        self._lock = threading.Lock()
        self._only = dirs is None and read is None and bool(given)  # courses given, none to read: they stand in

    @classmethod
    def of(cls, course: Course) -> Courses:
        """Just ``course``, for every language (a course made in code, as tests make it)."""
        return cls(given=[course])

    def __getitem__(self, language: str) -> Course:
        check_language(language)
        with self._lock:
            course = self._read.get(language)
            if course is None and self._only:
                course = next(iter(self._read.values()))
            if course is None:
                course = self._read[language] = self.read(language)
            return course

    def _load(self, language: str) -> Course:
        from course.content.loader import load_course  # the parsers are imported when first needed

        return load_course(self.dirs, language)

    def has(self, language: str) -> bool:
        """True if the course in ``language`` is there without reading it."""
        return language in self._read or self._only
