"""``family-course validate``: check content folders and print ``path:line: severity: message`` lines."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import TextIO

from course.content.dirs import ContentDir
from course.content.loader import load_course
from course.content.model import Course, Diagnostic, Lesson, Severity
from course.content.readability import measure

MAX_GRADE = 8.0
STEPS = (5, 8)
KIOSK_STEPS = (2, 4)
STEP_WORDS = (80, 250)
QUESTIONS = (6, 10)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # a message is one line: a newline in one is shown, too


def _words(markdown: str) -> int:
    return len([w for w in markdown.split() if any(c.isalnum() for c in w)])


def reading_grade(lesson: Lesson) -> float:
    """The Flesch-Kincaid grade of the lesson's learner-facing text, to one decimal (0 when it has none).

    Measured here, not when the course loads: pyphen's dictionary and the syllable count took about a third of
    loading the course, at every start, for a figure only this check reads."""
    return round(measure(lesson.prose).grade, 1) if lesson.prose.strip() else 0.0


def standards(lesson: Lesson) -> list[Diagnostic]:
    """Warnings for a lesson that loads but misses the course's writing standards."""
    found: list[Diagnostic] = []

    def warn(message: str, line: int = 1) -> None:
        found.append(Diagnostic(lesson.path, line, Severity.WARNING, message))

    grade = reading_grade(lesson)
    if grade > MAX_GRADE:
        warn(f"reading grade {grade:.1f} is above {MAX_GRADE:.0f} (Flesch-Kincaid, learner-facing text): use "
             "shorter sentences and common words")
    low, high = KIOSK_STEPS if lesson.kiosk else STEPS
    if not low <= len(lesson.steps) <= high:
        warn(f"{len(lesson.steps)} steps; a {'kiosk ' if lesson.kiosk else ''}lesson should have {low} to {high}")
    for step in lesson.steps:
        count = _words(step.body) + sum(_words(r.prompt) for r in step.reflections)
        if count > STEP_WORDS[1]:
            warn(f"step '{step.title}' has {count} words; keep each step under {STEP_WORDS[1]}", step.line)
    if not any(step.reflections for step in lesson.steps) and not lesson.kiosk:
        warn("no '::: reflect' prompt: add one question for the learner's journal")
    if lesson.quiz is not None and not QUESTIONS[0] <= len(lesson.quiz.questions) <= QUESTIONS[1]:
        found.append(Diagnostic(lesson.quiz.path, 1, Severity.WARNING,
                                f"{len(lesson.quiz.questions)} questions; a quiz should have "
                                f"{QUESTIONS[0]} to {QUESTIONS[1]}"))
    return found


def check(dirs: Sequence[ContentDir] | None = None,
          context: Sequence[ContentDir] = ()) -> tuple[Course, list[Diagnostic]]:
    """Load ``dirs`` on top of ``context`` (the folders they will be used with, such as the built-in course) and
    return the course and the findings about the files of ``dirs``; the context's own findings are left out."""
    dirs = [ContentDir.shipped()] if dirs is None else list(dirs)
    checked = {_where(d) for d in dirs}
    context = [c for c in context if _where(c) not in checked]
    course = load_course([*context, *dirs])
    found = list(course.diagnostics)
    for lesson in course.lessons:
        found.extend(standards(lesson))
    if context:
        mine = _files(dirs)
        found = [d for d in found if d.path in mine]
    return course, found


def _where(content: ContentDir) -> str:
    return os.path.realpath(content.path)


def _files(dirs: Sequence[ContentDir]) -> set[str]:
    """The names used in messages for every file and folder of ``dirs``."""
    names: set[str] = set()
    for content in dirs:
        names |= {content.given, os.path.join(content.given, "lessons")}
        names |= {display for kind in ("lessons", "quizzes") for _, display in content.files(kind)}
    return names


def _in_file_order(found: list[Diagnostic], dirs: Sequence[ContentDir]) -> list[Diagnostic]:
    """Findings grouped by file, each file's by line (whole-file ones first). Files come as in their folders:
    each folder, then its lessons, then its quizzes; any other file after them, as first met."""
    rank: dict[str, int] = {}
    for content in dirs:
        for name in (content.given, os.path.join(content.given, "lessons")):
            rank.setdefault(name, len(rank))
        for kind in ("lessons", "quizzes"):
            for _, display in content.files(kind):
                rank.setdefault(display, len(rank))
    for diagnostic in found:
        rank.setdefault(diagnostic.path, len(rank))
    return sorted(found, key=lambda d: (rank[d.path], d.line or 0))


def _count(number: int, word: str) -> str:
    if word.endswith("z"):
        return f"{number} {word}{'zes' * (number != 1)}"
    return f"{number} {word}{'s' * (number != 1)}"


def summary(dirs: Sequence[ContentDir], course: Course, found: list[Diagnostic]) -> str:
    """One line: the files checked, the errors and warnings and how many files have them, what is ready to use."""
    lesson_files = {display for content in dirs for _, display in content.files("lessons")}
    quiz_files = {display for content in dirs for _, display in content.files("quizzes")}
    parts = []
    for severity in (Severity.ERROR, Severity.WARNING):
        mine = [d for d in found if d.severity is severity]
        where = {d.path for d in mine}
        parts.append(_count(len(mine), str(severity)) + (f" in {_count(len(where), 'file')}" if mine else ""))
    lessons = [lesson for lesson in course.lessons if lesson.path in lesson_files]
    quizzes = [lesson.quiz for lesson in course.lessons if lesson.quiz is not None and lesson.quiz.path in quiz_files]
    return (f"{_count(len(lesson_files), 'lesson file')} and {_count(len(quiz_files), 'quiz file')} checked: "
            f"{', '.join(parts)}; {_count(len(lessons), 'lesson')} and {_count(len(quizzes), 'quiz')} ready to use")


def printable(text: str) -> str:
    """Text from a content file made safe to print: control characters shown as escapes, not obeyed."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def run(dirs: Sequence[ContentDir] | None, *, strict: bool, grades: bool, out: TextIO,
        context: Sequence[ContentDir] = ()) -> int:
    """Print the findings and a summary; return the exit code (0 clean, 1 errors). ``context``: folders the
    checked ones are used with (see ``check``)."""
    dirs = [ContentDir.shipped()] if dirs is None else list(dirs)
    course, found = check(dirs, context)
    if strict:
        found = [Diagnostic(d.path, d.line, Severity.ERROR, d.message) for d in found]
    for diagnostic in _in_file_order(found, dirs):
        print(printable(str(diagnostic)), file=out)
    if grades:
        lesson_files = {display for content in dirs for _, display in content.files("lessons")}
        for lesson in course.lessons:
            if lesson.path not in lesson_files:
                continue
            steps = len(lesson.steps)
            questions = len(lesson.quiz.questions) if lesson.quiz else 0
            print(printable(f"{lesson.path}: grade {reading_grade(lesson):.1f}, {steps} steps, {lesson.minutes} min, "
                            f"{questions} quiz questions"), file=out)
    print(printable(summary(dirs, course, found)), file=out)
    errors = sum(d.severity is Severity.ERROR for d in found)
    return 1 if errors else 0
