"""``family-course validate``: check content folders and print ``path:line: severity: message`` lines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from course.content.loader import ContentDir, load_course
from course.content.model import Course, Diagnostic, Lesson, Severity

STEPS = (5, 8)
KIOSK_STEPS = (2, 4)
STEP_WORDS = (80, 250)
QUESTIONS = (6, 10)


def _words(markdown: str) -> int:
    return len([w for w in markdown.split() if any(c.isalnum() for c in w)])


def standards(lesson: Lesson) -> list[Diagnostic]:
    """Warnings for a lesson that loads but misses the course's writing standards."""
    found: list[Diagnostic] = []

    def warn(message: str, line: int = 1) -> None:
        found.append(Diagnostic(lesson.path, line, Severity.WARNING, message))

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


def check(dirs: Sequence[ContentDir] | None = None) -> tuple[Course, list[Diagnostic]]:
    course = load_course(dirs)
    found = list(course.diagnostics)
    for lesson in course.lessons:
        found.extend(standards(lesson))
    return course, found


def run(dirs: Sequence[ContentDir] | None, *, strict: bool, grades: bool, out: TextIO) -> int:
    """Print the findings and a summary; return the exit code (0 clean, 1 errors)."""
    course, found = check(dirs)
    if strict:
        found = [Diagnostic(d.path, d.line, Severity.ERROR, d.message) for d in found]
    for diagnostic in found:
        print(diagnostic, file=out)
    if grades:
        for lesson in course.lessons:
            steps = len(lesson.steps)
            questions = len(lesson.quiz.questions) if lesson.quiz else 0
            print(f"{lesson.path}: grade {lesson.reading_grade:.1f}, {steps} steps, {lesson.minutes} min, "
                  f"{questions} quiz questions", file=out)
    errors = sum(d.severity is Severity.ERROR for d in found)
    warnings = len(found) - errors
    quizzes = sum(lesson.quiz is not None for lesson in course.lessons)
    print(f"{len(course.lessons)} lessons and {quizzes} quizzes checked: "
          f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}", file=out)
    return 1 if errors else 0
