"""Reports for counselors: one row per profile, one per group session, one per kiosk day, in the language shown
(the headers are translated by ``header``)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from course.content.model import Course, Option
from course.group.phones import split_tallies
from course.group.tally import option_label
from course.i18n import N_, _
from course.store.errors import StoreError
from course.store.kiosk import KIOSK_EVENTS
from course.store.records import Group, GroupSession
from course.text import printable

if TYPE_CHECKING:
    from course.store import Store

# Column headers, in English here; ``header`` gives them in the language shown.
PROFILE_HEADER = (N_("Name"), N_("Lessons finished"), N_("Lessons started"), N_("Quiz average %"),
                  N_("Sessions attended"), N_("Last activity"))
# Translators: report columns for group sessions; "Present" is how many people were there, "Tallies" the quiz counts
SESSION_HEADER = (N_("Date"), N_("Lesson"), N_("Present"), N_("Finished"), N_("Tallies"))
KIOSK_HEADER = (N_("Day"), N_("Sessions"), N_("Lessons started"), N_("Lessons finished"), N_("Questions answered"),
                N_("Questions right"))


def header(columns: Sequence[str]) -> tuple[str, ...]:
    """A report's column headers in the language shown."""
    return tuple(_(column) for column in columns)


def yes_no(value: bool) -> str:
    # Translators: a cell of a report: whether a group session was finished
    return _("yes") if value else _("no")


@dataclass(frozen=True)
class ProfileRow:
    name: str
    finished: int
    started: int  # lessons opened, finished or not
    quiz_average: int | None  # mean of the best result of each quiz taken, in percent
    sessions: int
    # The last thing the person did, in local time when it is known; only a day for a group session saved before
    # times were kept.
    last_activity: datetime | date | None

    def cells(self) -> tuple[str | int | None, ...]:
        last = self.last_activity
        if isinstance(last, datetime):
            when: str | None = last.astimezone().strftime("%Y-%m-%d %H:%M")
        else:
            when = last.isoformat() if last is not None else None
        return (self.name, self.finished, self.started, self.quiz_average, self.sessions, when)


@dataclass(frozen=True)
class SessionRow:
    date: str
    lesson: str
    present: int
    finished: bool
    tallies: str

    def cells(self) -> tuple[str | int, ...]:
        return (self.date, self.lesson, self.present, yes_no(self.finished), self.tallies)


def find_group(store: Store, name: str) -> Group:
    """The group with this name (case and extra spaces ignored); LookupError with a helpful message if none."""
    wanted = " ".join(name.split()).casefold()
    groups = store.groups()
    found = [g for g in groups if " ".join(g.name.split()).casefold() == wanted]
    if len(found) == 1:
        return found[0]
    if found:
        raise LookupError(_("More than one group is called \u201c{name}\u201d. Rename one in group mode.").format(
            name=name))
    if not groups:
        raise LookupError(_("No group is called \u201c{name}\u201d. There are no groups yet.").format(name=name))
    known = ", ".join(f"\u201c{g.name}\u201d" for g in groups)
    raise LookupError(_("No group is called \u201c{name}\u201d. Groups: {groups}.").format(name=name, groups=known))


def profile_rows(store: Store, group: Group | None = None) -> list[ProfileRow]:
    """Every profile (or the group's members), with sessions counted in every group (or that group only)."""
    groups = [group] if group is not None else store.groups()
    sessions = [s for g in groups for s in store.sessions(g.id)]
    taken_part: dict[tuple[str, str], datetime | None] = {}
    for g in groups:
        taken_part.update(store.attended_at(g.id))
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
        days = []  # sessions saved before times were kept: only their day is known
        for session in attended:
            moment = taken_part.get((session.id, profile.id))
            if moment is not None:
                moments.append(moment)
            elif _is_date(session.date):
                days.append(date.fromisoformat(session.date))
        rows.append(ProfileRow(
            name=profile.name,
            finished=sum(1 for s in states if s.status == "done"),
            started=sum(1 for s in states if s.status in ("in_progress", "done")),
            quiz_average=average,
            sessions=len(attended),
            last_activity=_latest(moments, days),
        ))
    return rows


def _latest(moments: list[datetime], days: list[date]) -> datetime | date | None:
    """The latest moment, or a later day on which only the day is known (never a made-up time of day)."""
    last = max(moments, default=None)
    day = max(days, default=None)
    if day is not None and (last is None or day > last.astimezone().date()):
        return day
    return last


def session_rows(store: Store, course: Course, group: Group) -> list[SessionRow]:
    return [SessionRow(date=s.date, lesson=_lesson_title(course, s.lesson_id), present=len(s.present),
                       finished=s.finished, tallies=tallies_text(course, s)) for s in store.sessions(group.id)]


def tallies_text(course: Course, session: GroupSession) -> str:
    """``"Q1 A=3 B=5 (right: B); Q2 phones A=0 B=7 (right: B)"`` in quiz order; questions since removed come last.

    A show of hands reads as before; counts from phones say "phones", and both together
    ``"Q3 hands A=1 B=2, phones A=0 B=9 (right: B)"``. In the language shown.
    """
    try:
        quiz = course.lesson(session.lesson_id).quiz
    except KeyError:
        quiz = None
    hands, phones = split_tallies(session.tallies)
    parts = []
    known: set[str] = set()
    if quiz is not None:
        for number, question in enumerate(quiz.questions, 1):
            if question.id not in hands and question.id not in phones:
                continue
            known.add(question.id)

            def shown(counts: dict[str, int], options: Sequence[Option] = question.options) -> str:
                return " ".join(f"{option_label(i)}={counts.get(o.key, 0)}" for i, o in enumerate(options))

            right = ", ".join(option_label(i) for i, o in enumerate(question.options) if o.correct)
            if question.id not in phones:
                # Translators: in a report, the show of hands for quiz question 1 ("Q1 A=3 B=5 (right: B)")
                line = _("Q{number} {counts} (right: {right})").format(
                    number=number, counts=shown(hands[question.id]), right=right)
            elif question.id not in hands:
                line = _("Q{number} phones {counts} (right: {right})").format(
                    number=number, counts=shown(phones[question.id]), right=right)
            else:
                line = _("Q{number} hands {hands}, phones {phones} (right: {right})").format(
                    number=number, hands=shown(hands[question.id]), phones=shown(phones[question.id]), right=right)
            parts.append(line)
    for source, from_phones in ((hands, False), (phones, True)):
        for qid, counts in source.items():
            if qid not in known:
                listed = " ".join(f"{k.upper()}={v}" for k, v in sorted(counts.items()))
                parts.append(_("{question} phones {counts}").format(question=qid, counts=listed) if from_phones
                             else f"{qid} {listed}")
    return "; ".join(parts)


def kiosk_rows(store: Store) -> list[tuple[str | int, ...]]:
    return [(str(day["day"]), *(int(day[e]) for e in KIOSK_EVENTS)) for day in store.kiosk_report()]


def table(header: Sequence[str], rows: Sequence[Sequence[str | int | None]], width: int | None = None) -> str:
    """A plain text table: text left, numbers right, a dash for nothing. Columns are measured in terminal cells,
    so a name with an emoji or a CJK character (two cells wide) does not push its row out of line. When the table
    is wider than ``width`` (a terminal's), each header is put on two lines where that makes its column narrower."""
    shown = [[_cell(c) for c in row] for row in rows]
    data = [max([0, *(cell_width(r[i]) for r in shown)]) for i in range(len(header))]
    numeric = [bool(rows) and all(isinstance(r[i], int) or r[i] is None for r in rows) for i in range(len(header))]
    heads = [[h] for h in header]
    widths = [max(cell_width(h), d) for h, d in zip(header, data, strict=True)]
    if width is not None and sum(widths) + 2 * (len(widths) - 1) > width:
        heads = [_two_lines(h, d) for h, d in zip(header, data, strict=True)]
        widths = [max(d, *(cell_width(part) for part in head)) for head, d in zip(heads, data, strict=True)]

    def line(cells: Sequence[str]) -> str:
        out = []
        for cell, wide, num in zip(cells, widths, numeric, strict=True):
            pad = " " * (wide - cell_width(cell))
            out.append(pad + cell if num else cell + pad)
        return "  ".join(out).rstrip()

    tall = max(len(head) for head in heads)
    lifted = [[""] * (tall - len(head)) + head for head in heads]  # a one-line header sits on the lower line
    titles = [line([head[n] for head in lifted]) for n in range(tall)]
    return "\n".join([*titles, line(["-" * w for w in widths]), *(line(r) for r in shown)])


def _two_lines(title: str, data: int) -> list[str]:
    """``title`` as one or two lines, whichever makes a column whose cells are ``data`` wide the narrowest."""
    words = title.split()
    best = [title]
    for cut in range(1, len(words)):
        parts = [" ".join(words[:cut]), " ".join(words[cut:])]
        if max(data, *map(cell_width, parts)) < max(data, *map(cell_width, best)):
            best = parts
    return best


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes: wide (East Asian wide, most emoji) characters take two; combining
    marks, variation selectors, skin tones and what a zero-width joiner joins to an emoji take none."""
    width = 0
    joined = False
    for ch in text:
        if joined:  # the second half of a joined emoji (family, profession) is drawn in the first one's cells
            joined = False
            continue
        if ch == "\u200d":
            joined = True
            continue
        if (unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf")
                or "\ufe00" <= ch <= "\ufe0f" or "\U0001f3fb" <= ch <= "\U0001f3ff"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _cell(value: str | int | None) -> str:
    return "\u2013" if value is None else printable(str(value))


def _lesson_title(course: Course, lesson_id: str) -> str:
    try:
        return course.lesson(lesson_id).title
    except KeyError:
        return _("{lesson} (no longer in the course)").format(lesson=lesson_id)


def _is_date(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True
