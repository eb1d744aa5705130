"""The course as immutable data: lessons made of steps, quizzes made of questions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One finding about a content file, printed as ``path:line: severity: message``."""

    path: str
    line: int | None
    severity: Severity
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Reflection:
    """A journal prompt inside a step. ``key`` is stable across edits of other steps."""

    key: str
    prompt: str


@dataclass(frozen=True)
class Step:
    index: int
    title: str
    body: str  # learner-facing Markdown, containers removed
    reflections: tuple[Reflection, ...] = ()
    facilitator: str = ""  # Markdown for the counselor only
    line: int = 1

    @property
    def number(self) -> int:
        return self.index + 1


@dataclass(frozen=True)
class Option:
    key: str  # "a", "b", ... by position
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    id: str
    title: str
    prompt: str
    options: tuple[Option, ...]
    explanation: str = ""
    line: int = 1

    @property
    def multiple(self) -> bool:
        """True for "choose all that apply" (more than one correct option)."""
        return sum(o.correct for o in self.options) > 1

    @property
    def correct_keys(self) -> frozenset[str]:
        return frozenset(o.key for o in self.options if o.correct)

    def option(self, key: str) -> Option:
        for o in self.options:
            if o.key == key:
                return o
        raise KeyError(key)

    def is_correct(self, chosen: frozenset[str] | set[str]) -> bool:
        return frozenset(chosen) == self.correct_keys


@dataclass(frozen=True)
class Quiz:
    lesson_id: str
    pass_mark: int
    questions: tuple[Question, ...]
    path: str = ""
    language: str = "en"  # the language it is written in (course.content.languages)

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    order: int
    minutes: int
    summary: str
    objectives: tuple[str, ...]
    steps: tuple[Step, ...]
    sources: tuple[str, ...] = ()
    kiosk: bool = False
    wants_quiz: bool = True
    quiz: Quiz | None = None
    quiz_problem: str = ""  # why a quiz that should exist cannot be used
    path: str = ""
    order_line: int = 1
    language: str = "en"  # the language it is written in (a lesson not yet translated is shown in English)
    # The learner-facing text as plain prose (steps and journal prompts, not facilitator notes): what
    # ``family-course validate`` measures the reading grade of (course.content.validate.reading_grade).
    prose: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True)
class Unavailable:
    """A lesson file that could not be loaded; shown on the course map with the reason."""

    path: str
    title: str
    order: int | None
    reason: str


@dataclass(frozen=True)
class Course:
    lessons: tuple[Lesson, ...]
    unavailable: tuple[Unavailable, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False)
    language: str = "en"  # the language asked for; a lesson not yet translated is in English (Lesson.language)
    # Every file that was read without errors, by its name in messages, including lessons that a later content
    # folder replaces: ``validate`` compares each translation with its English file.
    files: Mapping[str, Lesson | Quiz] = field(default_factory=dict, compare=False, repr=False)

    def lesson(self, lesson_id: str) -> Lesson:
        for lesson in self.lessons:
            if lesson.id == lesson_id:
                return lesson
        raise KeyError(lesson_id)

    def kiosk_lessons(self) -> tuple[Lesson, ...]:
        return tuple(lesson for lesson in self.lessons if lesson.kiosk)
