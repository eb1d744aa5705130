"""What the projected screen shows, shared with the counselor's notes screen through ``Store.set_presenter``.

The presenter writes one ``Shown`` each time it moves; the notes screen (another process) reads it back a few
times a second. ``from_state`` accepts only a well-formed state, so a damaged or foreign file reads as nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, datetime
from typing import Any

from course.i18n import DEFAULT_LANGUAGE, LANGUAGES

PHASES = ("step", "quiz", "done")
STALE_SECONDS = 6 * 3600  # a projector state not touched for this long is from an earlier session
QUIZ_STAGES = ("question", "options", "tally", "phones", "answer")  # "phones": answering on phones is open
# What covers the lesson on the projector: nothing ("lesson"), the question "Finish this session?", the attendance
# list (names!), the group's other screens (names may show), the help or crisis screen, or group mode has closed.
VIEWS = ("lesson", "finish", "attendance", "menu", "help", "crisis", "closed")


@dataclass(frozen=True)
class Shown:
    session_id: str
    lesson_id: str
    started: str  # ISO time the session began presenting, for the elapsed-time clock
    step: int = 0
    phase: str = "step"  # "step", "quiz" or "done"
    question: int = 0  # position in the quiz
    stage: str = "question"  # how much of the quiz question the room sees
    blank: bool = False
    view: str = "lesson"  # what the projector shows over the lesson (see VIEWS)
    ended: str = ""  # ISO time the session was finished or the projector closed: the session clock stops there
    answered: int = 0  # how many phones have answered while answering on phones is open (never who)
    language: str = DEFAULT_LANGUAGE  # the session's language: the notes window follows it

    def to_state(self) -> dict[str, Any]:
        return {"kind": "group", **asdict(self)}

    @classmethod
    def from_state(cls, state: dict[str, Any] | None) -> Shown | None:
        if not isinstance(state, dict) or state.get("kind") != "group":
            return None
        types = {"session_id": str, "lesson_id": str, "started": str, "step": int, "phase": str,
                 "question": int, "stage": str, "blank": bool, "view": str, "ended": str, "answered": int,
                 "language": str}
        values: dict[str, Any] = {}
        for f in fields(cls):
            value = state.get(f.name)
            if value is None:
                continue
            wanted = types[f.name]
            if wanted is int and isinstance(value, bool):
                return None
            if not isinstance(value, wanted):
                return None
            values[f.name] = value
        if not {"session_id", "lesson_id", "started"} <= values.keys():
            return None
        shown = cls(**values)
        if (shown.phase not in PHASES or shown.stage not in QUIZ_STAGES or shown.view not in VIEWS
                or shown.step < 0 or shown.question < 0 or shown.answered < 0):
            return None
        if shown.language not in LANGUAGES:  # one this program does not have (a newer one wrote it): English
            shown = replace(shown, language=DEFAULT_LANGUAGE)
        return shown

    def moved(self, **changes: Any) -> Shown:
        return replace(self, **changes)

    @property
    def over(self) -> bool:
        """Has the session ended (finished, or the projector closed)? Then its clocks stand still."""
        return bool(self.ended) or self.view == "closed"

    def elapsed_seconds(self, now: datetime | None = None) -> float:
        """The session clock: from the start until now, or until it ended."""
        began = _moment(self.started)
        if began is None:
            return 0.0
        until = _moment(self.ended) if self.ended else None
        return max(0.0, ((until or now or datetime.now(UTC)) - began).total_seconds())


def _moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def current(state: dict[str, Any] | None, now: datetime | None = None) -> Shown | None:
    """The shown state, unless it was last written so long ago that it belongs to an earlier session."""
    shown = Shown.from_state(state)
    if shown is None or state is None:
        return None
    try:
        updated = datetime.fromisoformat(str(state.get("updated", "")))
    except ValueError:
        return shown
    if updated.tzinfo is None:
        updated = updated.replace(tzinfo=UTC)
    age = ((now or datetime.now(UTC)) - updated).total_seconds()
    return None if age > STALE_SECONDS else shown


def clock(seconds: float) -> str:
    """``"12:05"`` or ``"1:02:05"``."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
