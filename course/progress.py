"""A learner's progress in words: each lesson's status and quiz score, what to continue, the record of completion.

Plain Python (no Textual), so the course map, My progress and the record say the same thing the same way.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from course.content.model import Lesson
from course.record import Record, RecordLine
from course.store.records import LessonState, OpenQuiz, QuizResult

# The one mapping from a stored lesson status to words (and to the mark beside it on the course map).
STATUS_WORDS = {"done": "Done", "in_progress": "In progress", "not_started": "Not started"}
STATUS_MARKS = {"done": "✓", "in_progress": "›", "not_started": "○"}
ALL_DONE = "All lessons done. Open My progress"


def status_word(status: str) -> str:
    """``"Done"``, ``"In progress"`` or ``"Not started"`` (an unknown status counts as not started)."""
    return STATUS_WORDS.get(status, STATUS_WORDS["not_started"])


def status_mark(status: str) -> str:
    return STATUS_MARKS.get(status, STATUS_MARKS["not_started"])


def step_of(lesson: Lesson, state: LessonState) -> str:
    """``"step 2 of 5"``: where an unfinished lesson stands (never past its last step, if it lost steps since)."""
    return f"step {min(state.step, len(lesson.steps) - 1) + 1} of {len(lesson.steps)}"


def status_text(lesson: Lesson, state: LessonState) -> str:
    """A lesson's status on the course map and in the summary: ``"Done"``, ``"Step 2 of 5"``, ``"Not started"``."""
    if state.status == "in_progress":
        return step_of(lesson, state).capitalize()
    return status_word(state.status)


def score_text(lesson: Lesson, best: QuizResult | None, open_quiz: OpenQuiz | None = None) -> str:
    """The quiz part of a lesson's line on the course map ("" for a lesson without a quiz)."""
    if lesson.quiz is None:
        return "Quiz unavailable" if lesson.wants_quiz else ""
    if open_quiz is not None and open_quiz.answers:
        answered = len(open_quiz.answers)
        return f"Quiz: {answered} of {len(open_quiz.question_ids)} answered, press Q to carry on"
    if best is None:
        return "Quiz not taken"
    verdict = "passed" if best.passed else "not passed yet"
    return f"Best quiz {best.percent}% ({verdict})"


def best_score_text(best: QuizResult | None) -> str:
    """``"7 of 8 (88%)"``, or ``""`` when the quiz was never finished."""
    return f"{best.score} of {best.total} ({best.percent}%)" if best else ""


def state_of(states: Mapping[str, LessonState], lesson: Lesson) -> LessonState:
    return states.get(lesson.id) or LessonState(lesson.id)


def next_lesson(lessons: Iterable[Lesson], states: Mapping[str, LessonState]) -> Lesson | None:
    """The lesson to continue: the first one in progress, else the first not started (None when all are done)."""
    lessons = list(lessons)
    for wanted in ("in_progress", "not_started"):
        for lesson in lessons:
            if state_of(states, lesson).status == wanted:
                return lesson
    return None


def continue_label(upcoming: Lesson | None, states: Mapping[str, LessonState]) -> str:
    """The course map's Continue button for ``upcoming`` (from ``next_lesson``)."""
    if upcoming is None:
        return ALL_DONE
    state = state_of(states, upcoming)
    if state.status == "in_progress":
        return f"Continue: {upcoming.title}, {step_of(upcoming, state)}"
    return f"Start: {upcoming.title}"


def minutes(seconds: float) -> int:
    """Whole minutes, halves rounded up (30 seconds is a minute, as 90 seconds is two)."""
    return math.floor(seconds / 60 + 0.5)


def minutes_text(seconds: float) -> str:
    """Time on a lesson for the summary table: ``"-"`` for none, ``"<1"`` under half a minute, else minutes."""
    if not seconds:
        return "-"
    return "<1" if seconds < 30 else str(minutes(seconds))


def totals_text(lessons: Sequence[Lesson], states: Mapping[str, LessonState]) -> str:
    """``"Lessons finished: 3 of 12. Time spent: about 40 minutes."``"""
    lesson_states = [state_of(states, lesson) for lesson in lessons]
    done = sum(state.status == "done" for state in lesson_states)
    spent = minutes(sum(state.seconds for state in lesson_states))
    return (f"Lessons finished: {done} of {len(lessons)}. "
            f"Time spent: about {spent} minute{'' if spent == 1 else 's'}.")


def completion_record(name: str, lessons: Iterable[Lesson], states: Mapping[str, LessonState],
                      best: Callable[[str], QuizResult | None], made: datetime) -> Record:
    """The record of completion's data: one line per lesson, with its status, finish date, time and best score.

    ``best`` gives a lesson's best quiz result by lesson id (its errors are not caught here).
    """
    lines = []
    for lesson in lessons:
        state = state_of(states, lesson)
        lines.append(RecordLine(lesson.title, status_word(state.status), state.finished, minutes(state.seconds),
                                best_score_text(best(lesson.id))))
    return Record(name, made, tuple(lines))


def record_path(name: str, profile_id: str = "") -> Path:
    """Where the record is offered to be saved: named after the person, and their profile, so that two
    people of the same name never write over each other's record."""
    safe = "".join(c if c.isalnum() else "-" for c in name).strip("-")[:30] or "record"
    tag = f"-{profile_id[:6]}" if profile_id else ""
    return Path.home() / f"family-course-record-{safe}{tag}.html"
