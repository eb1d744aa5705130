"""Reports for counselors: one row per profile, one per group session, one per kiosk day."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from course.content.model import Course
from course.group.tally import option_label
from course.store.errors import StoreError
from course.store.kiosk import KIOSK_EVENTS
from course.store.records import Group, GroupSession
from course.text import printable

PROFILE_HEADER = ("Name", "Lessons finished", "Lessons started", "Quiz average %", "Sessions attended",
                  "Last activity")
SESSION_HEADER = ("Date", "Lesson", "Present", "Finished", "Tallies")
KIOSK_HEADER = ("Day", "Sessions", "Lessons started", "Lessons finished", "Questions answered",
                "Questions right")


@dataclass(frozen=True)
class ProfileRow:
    name: str
    finished: int
    started: int  # lessons opened, finished or not
    quiz_average: int | None  # mean of the best result of each quiz taken, in percent
    sessions: int
    last_activity: datetime | None

    def cells(self) -> tuple[str | int | None, ...]:
        when = self.last_activity.astimezone().strftime("%Y-%m-%d %H:%M") if self.last_activity else None
        return (self.name, self.finished, self.started, self.quiz_average, self.sessions, when)


@dataclass(frozen=True)
class SessionRow:
    date: str
    lesson: str
    present: int
    finished: bool
    tallies: str

    def cells(self) -> tuple[str | int, ...]:
        return (self.date, self.lesson, self.present, "yes" if self.finished else "no", self.tallies)


def find_group(store, name: str) -> Group:
    """The group with this name (case and extra spaces ignored); LookupError with a helpful message if none."""
    wanted = " ".join(name.split()).casefold()
    groups = store.groups()
    found = [g for g in groups if " ".join(g.name.split()).casefold() == wanted]
    if len(found) == 1:
        return found[0]
    if found:
        raise LookupError(f"More than one group is called \u201c{name}\u201d. Rename one in group mode.")
    known = ", ".join(f"\u201c{g.name}\u201d" for g in groups) or "none yet"
    raise LookupError(f"No group is called \u201c{name}\u201d. Groups: {known}.")


def profile_rows(store, group: Group | None = None) -> list[ProfileRow]:
    """Every profile (or the group's members), with sessions counted in every group (or that group only)."""
    groups = [group] if group is not None else store.groups()
    sessions = [s for g in groups for s in store.sessions(g.id)]
    if group is None:
        profiles = store.profiles()
    else:
        profiles = []
        for pid in group.member_ids:
            try:
                profiles.append(store.profile(pid))
            except StoreError:
                continue
    rows = []
    for profile in profiles:
        states = store.lesson_states(profile.id).values()
        results = store.quiz_results(profile.id)
        attended = [s for s in sessions if profile.id in s.present]
        best: dict[str, int] = {}
        for result in results:
            best[result.lesson_id] = max(best.get(result.lesson_id, 0), result.percent)
        average = round(sum(best.values()) / len(best)) if best else None
        moments = [m for s in states for m in (s.started, s.finished) if m is not None]
        moments += [r.at for r in results] + [a.at for a in store.answers(profile.id)]
        moments += [datetime.fromisoformat(s.date + "T12:00").astimezone() for s in attended if _is_date(s.date)]
        rows.append(ProfileRow(
            name=profile.name,
            finished=sum(1 for s in states if s.status == "done"),
            started=sum(1 for s in states if s.status in ("in_progress", "done")),
            quiz_average=average,
            sessions=len(attended),
            last_activity=max(moments, default=None),
        ))
    return rows


def session_rows(store, course: Course, group: Group) -> list[SessionRow]:
    return [SessionRow(date=s.date, lesson=_lesson_title(course, s.lesson_id), present=len(s.present),
                       finished=s.finished, tallies=tallies_text(course, s)) for s in store.sessions(group.id)]


def tallies_text(course: Course, session: GroupSession) -> str:
    """``"Q1 A=3 B=5 (right: B); Q2 A=0 B=7 (right: B)"`` in quiz order; questions since removed come last."""
    try:
        quiz = course.lesson(session.lesson_id).quiz
    except KeyError:
        quiz = None
    parts = []
    known: set[str] = set()
    if quiz is not None:
        for number, question in enumerate(quiz.questions, 1):
            counts = session.tallies.get(question.id)
            if counts is None:
                continue
            known.add(question.id)
            shown = " ".join(f"{option_label(i)}={counts.get(o.key, 0)}" for i, o in enumerate(question.options))
            right = ", ".join(option_label(i) for i, o in enumerate(question.options) if o.correct)
            parts.append(f"Q{number} {shown} (right: {right})")
    for qid, counts in session.tallies.items():
        if qid not in known:
            parts.append(f"{qid} " + " ".join(f"{k.upper()}={v}" for k, v in sorted(counts.items())))
    return "; ".join(parts)


def kiosk_rows(store) -> list[tuple[str | int, ...]]:
    return [(str(day["day"]), *(int(day[e]) for e in KIOSK_EVENTS)) for day in store.kiosk_report()]


def table(header: Sequence[str], rows: Sequence[Sequence[str | int | None]]) -> str:
    """A plain text table: text left, numbers right, a dash for nothing."""
    shown = [[_cell(c) for c in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in shown)]) for i, h in enumerate(header)]
    numeric = [bool(rows) and all(isinstance(r[i], int) or r[i] is None for r in rows) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        out = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric, strict=True)]
        return "  ".join(out).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in shown)])


def _cell(value: str | int | None) -> str:
    return "\u2013" if value is None else printable(str(value))


def _lesson_title(course: Course, lesson_id: str) -> str:
    try:
        return course.lesson(lesson_id).title
    except KeyError:
        return f"{lesson_id} (no longer in the course)"


def _is_date(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True
