"""A learner's progress in words: each lesson's status and quiz score, what to continue, the record of completion.

Plain Python (no Textual), so the course map, My progress and the record say the same thing the same way.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from course.content.model import Lesson
from course.i18n import N_, _, ngettext
from course.record import Record, RecordLine
from course.store.records import LessonState, OpenQuiz, QuizResult

# The one mapping from a stored lesson status to words (and to the mark beside it on the course map).
# (The words are translated where they are shown: the language can change after import.)
STATUS_WORDS = {"done": N_("Done"), "in_progress": N_("In progress"), "not_started": N_("Not started")}
STATUS_MARKS = {"done": "✓", "in_progress": "›", "not_started": "○"}
# Translators: the Continue button on the course map once every lesson is done
ALL_DONE = N_("All lessons done. Open My progress")


def status_word(status: str) -> str:
    """``"Done"``, ``"In progress"`` or ``"Not started"`` (an unknown status counts as not started)."""
    return _(STATUS_WORDS.get(status, STATUS_WORDS["not_started"]))


def status_mark(status: str) -> str:
    return STATUS_MARKS.get(status, STATUS_MARKS["not_started"])


def step_number(lesson: Lesson, state: LessonState) -> int:
    """The step an unfinished lesson stands at, from 1 (never past its last step, if it lost steps since)."""
    return min(state.step, len(lesson.steps) - 1) + 1


def status_text(lesson: Lesson, state: LessonState) -> str:
    """A lesson's status on the course map and in the summary: ``"Done"``, ``"Step 2 of 5"``, ``"Not started"``."""
    if state.status == "in_progress":
        return _("Step {step} of {steps}").format(step=step_number(lesson, state), steps=len(lesson.steps))
    return status_word(state.status)


def score_text(lesson: Lesson, best: QuizResult | None, open_quiz: OpenQuiz | None = None) -> str:
    """The quiz part of a lesson's line on the course map ("" for a lesson without a quiz)."""
    if lesson.quiz is None:
        return _("Quiz unavailable") if lesson.wants_quiz else ""
    if open_quiz is not None and open_quiz.answers:
        return _("Quiz: {answered} of {total} answered, press Q to carry on").format(
            answered=len(open_quiz.answers), total=len(open_quiz.question_ids))
    if best is None:
        return _("Quiz not taken")
    if best.passed:
        return _("Best quiz {percent}% (passed)").format(percent=best.percent)
    return _("Best quiz {percent}% (not passed yet)").format(percent=best.percent)


def best_score_text(best: QuizResult | None) -> str:
    """``"7 of 8 (88%)"``, or ``""`` when the quiz was never finished."""
    if best is None:
        return ""
    # Translators: a quiz score, "7 of 8 (88%)"
    return _("{score} of {total} ({percent}%)").format(score=best.score, total=best.total, percent=best.percent)


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
        return _(ALL_DONE)
    state = state_of(states, upcoming)
    if state.status == "in_progress":
        return _("Continue: {title}, step {step} of {steps}").format(
            title=upcoming.title, step=step_number(upcoming, state), steps=len(upcoming.steps))
    return _("Start: {title}").format(title=upcoming.title)


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
    finished = _("Lessons finished: {done} of {total}.").format(done=done, total=len(lessons))
    spent_words = ngettext("Time spent: about {count} minute.", "Time spent: about {count} minutes.",
                           spent).format(count=spent)
    return f"{finished} {spent_words}"


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


# Translators: the start of the record's file name: lowercase letters without accents, digits and hyphens only
RECORD_FILE = N_("family-course-record")
# Translators: the start of the cards' folder name: lowercase letters without accents, digits and hyphens only
CARDS_FOLDER = N_("family-course-cards")


def record_path(name: str, profile_id: str = "") -> Path:
    """Where the record is offered to be saved: named after the person, and their profile, so that two
    people of the same name never write over each other's record. The name is in the language shown."""
    safe = "".join(c if c.isalnum() else "-" for c in name).strip("-")[:30] or "record"
    tag = f"-{profile_id[:6]}" if profile_id else ""
    return Path.home() / f"{_(RECORD_FILE)}-{safe}{tag}.html"


def cards_folder_name(record_stem: str) -> str:
    """The cards' folder named like the record beside it (``family-course-record-Jo`` gives
    ``family-course-cards-Jo``, in either language), or the record's name with ``-cards`` after it."""
    for record, cards in ((_(RECORD_FILE), _(CARDS_FOLDER)), (RECORD_FILE, CARDS_FOLDER)):
        if record_stem.startswith(record):
            return cards + record_stem[len(record):]
    return record_stem.replace("record", "cards", 1) if "record" in record_stem else f"{record_stem}-cards"
