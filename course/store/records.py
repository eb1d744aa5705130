"""The records the store hands out. All times are timezone-aware datetimes in UTC.

They are named tuples: immutable like frozen dataclasses, and made about three times faster when the store is
imported, which happens before the first screen.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import NamedTuple


def now() -> datetime:
    return datetime.now(UTC)


def to_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def from_iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def maybe_iso(text: str | None) -> datetime | None:
    return None if text is None else from_iso(text)


class Profile(NamedTuple):
    id: str
    name: str
    has_pin: bool
    created: datetime


class Answer(NamedTuple):
    lesson_id: str
    question_id: str
    choices: tuple[str, ...]
    correct: bool
    at: datetime


LESSON_STATUSES = ("not_started", "in_progress", "done")


class LessonState(NamedTuple):
    lesson_id: str
    step: int = 0
    status: str = "not_started"
    seconds: float = 0.0
    started: datetime | None = None
    finished: datetime | None = None


class QuizResult(NamedTuple):
    lesson_id: str
    score: int
    total: int
    percent: int
    passed: bool
    at: datetime


class OpenQuiz(NamedTuple):
    """A quiz attempt begun and not finished: its questions, those right before it (a retry), its answers so far."""

    lesson_id: str
    question_ids: tuple[str, ...]
    already_right: tuple[str, ...]
    answers: dict[str, tuple[str, ...]]  # question id -> the options chosen, the latest answer to each
    started: datetime


class JournalEntry(NamedTuple):
    id: str
    lesson_id: str
    prompt_key: str
    prompt: str
    text: str
    created: datetime
    updated: datetime


class Group(NamedTuple):
    id: str
    name: str
    created: datetime
    member_ids: tuple[str, ...]


class GroupSession(NamedTuple):
    id: str
    group_id: str
    date: str
    lesson_id: str
    present: tuple[str, ...]
    tallies: dict[str, dict[str, int]]
    finished: bool
    language: str = "en"  # the language the session is presented in (sessions saved before it was kept: English)
