"""Group mode's plain-Python parts: CSV safety, the tally chart, the shared presenter state, note helpers."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from course.content.model import Lesson, Reflection, Step
from course.group.csvsafe import neutralise, write_csv
from course.group.notes import discussion_questions, group_minutes, suggested_minutes
from course.group.shown import Shown, clock, current
from course.group.tally import BAR, bar_lines, hands_problem, parse_count
from course.group.text import how_to_answer


@pytest.mark.parametrize("text", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "=HYPERLINK(\"http://x\")"])
def test_formula_starts_are_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Ana", "O'Brien, Mary", 'Sam "the rock"', "2024-05-01", "", "a=b"])
def test_ordinary_text_is_unchanged(value: str) -> None:
    assert neutralise(value) == value


def test_numbers_stay_numbers_and_none_is_empty() -> None:
    assert neutralise(-3) == -3 and neutralise(80) == 80 and neutralise(None) == ""


def test_csv_round_trips_commas_quotes_and_line_breaks() -> None:
    names = ['Lee, Sam', 'Jo "JJ" Smith', "two\nlines", "=danger", "plain"]
    out = io.StringIO()
    write_csv(out, ["Name", "Count"], [(name, i) for i, name in enumerate(names)])
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert rows[0] == ["Name", "Count"]
    assert [r[0] for r in rows[1:]] == ['Lee, Sam', 'Jo "JJ" Smith', "two\nlines", "'=danger", "plain"]
    assert [r[1] for r in rows[1:]] == [str(i) for i in range(len(names))]


def test_bar_chart_reads_without_colour() -> None:
    labels = [("a", "A", False), ("b", "B", True), ("c", "C", False)]
    lines = bar_lines(labels, {"a": 2, "b": 8, "c": 0}, width=16)
    assert lines[0] == f"A   {BAR * 4} 2"
    assert lines[1] == f"B \u2713 {BAR * 16} 8"
    assert lines[2] == "C   0"


def test_bar_chart_small_counts_still_show_and_all_zero_is_empty() -> None:
    labels = [("a", "A", True), ("b", "B", False)]
    assert bar_lines(labels, {"a": 1, "b": 500}, width=10)[0] == f"A \u2713 {BAR} 1"
    assert bar_lines(labels, {}, width=10) == ["A \u2713 0", "B   0"]


def test_parse_count() -> None:
    assert parse_count(" 7 ") == 7 and parse_count("") is None
    with pytest.raises(ValueError, match="whole numbers"):
        parse_count("3.5")
    with pytest.raises(ValueError, match="at most"):
        parse_count("1000")


def test_shown_round_trips_and_rejects_foreign_state() -> None:
    shown = Shown("s1", "lesson", "2024-05-01T18:00:00+00:00", step=3, phase="quiz", question=1, stage="tally",
                  blank=True, view="finish", ended="2024-05-01T19:00:00+00:00")
    assert Shown.from_state(shown.to_state()) == shown
    assert Shown.from_state({**shown.to_state(), "updated": "x"}) == shown
    older = {k: v for k, v in shown.to_state().items() if k not in ("view", "ended")}  # written before views
    assert Shown.from_state(older) == shown.moved(view="lesson", ended="")
    for bad in (None, {}, {"kind": "kiosk"}, {**shown.to_state(), "step": "3"}, {**shown.to_state(), "step": -1},
                {**shown.to_state(), "phase": "dance"}, {**shown.to_state(), "step": True},
                {**shown.to_state(), "view": "cinema"},
                {k: v for k, v in shown.to_state().items() if k != "session_id"}):
        assert Shown.from_state(bad) is None


def test_clock() -> None:
    assert clock(0) == "0:00" and clock(65) == "1:05" and clock(3725) == "1:02:05"


def test_the_session_clock_stops_when_the_session_ends() -> None:
    shown = Shown("s1", "lesson", "2024-05-01T18:00:00+00:00")
    later = datetime(2024, 5, 1, 20, 0, tzinfo=UTC)
    assert shown.elapsed_seconds(later) == 7200 and not shown.over
    ended = shown.moved(phase="done", ended="2024-05-01T19:15:00+00:00")
    assert ended.over and ended.elapsed_seconds(later) == 4500


@pytest.mark.parametrize(("notes", "minutes"), [
    ("10 minutes. Read each row.", 10),
    ("About 4 minutes in all. If shown in a group...", 4),
    ("Role-play (15 minutes). In pairs...", 15),
    ("This lesson plans for a 75-minute group: intro 10 minutes, levels of care 10.", 10),
    ("Whole session: about 80 minutes (5 + 10 + 15).\n\nOpening (5 minutes): ask the room...", 5),
    ("Whole session: about 75 minutes (intro 5, patterns 15).\n\nIntro, 5 minutes. Ask the group...", 5),
    ("Whole session: about 75 minutes.", None),
    ("Welcome people by first name. Give them 10 minutes.", None),
    ("", None),
])
def test_suggested_minutes(notes: str, minutes: int | None) -> None:
    assert suggested_minutes(notes) == minutes


def test_one_length_for_a_group_session() -> None:
    def lesson(*notes: str, minutes: int = 15) -> Lesson:
        steps = tuple(Step(i, f"Step {i}", "body", (), facilitator=n) for i, n in enumerate(notes))
        return Lesson(id="x", title="X", order=1, minutes=minutes, summary="", objectives=(), steps=steps)

    assert group_minutes(lesson("This lesson plans for a 75-minute group: intro 10 minutes.", "10 minutes.")) == 75
    assert group_minutes(lesson("Whole session: about 80 minutes (5 + 10).", "10 minutes.")) == 80
    assert group_minutes(lesson("Intro, 5 minutes.", "Role-play (15 minutes).", "No time here.")) == 20
    assert group_minutes(lesson("Nothing about time.", minutes=12)) == 12


def test_shipped_lessons_give_the_chooser_and_the_notes_one_length() -> None:
    from course.content import ContentDir, load_course

    for lesson in load_course([ContentDir.shipped()]).lessons:
        stated = re.search(r"(\d+)-minute group|Whole session: about (\d+) minutes", lesson.steps[0].facilitator)
        if stated:
            assert group_minutes(lesson) == int(stated.group(1) or stated.group(2)), lesson.id


def test_hands_problem() -> None:
    assert hands_problem({"a": 5, "b": 4}, 6, multiple=False) == (
        "9 hands for a choose-one question, but 6 people are marked present.")
    assert hands_problem({"a": 5, "b": 1}, 6, multiple=False) is None
    assert hands_problem({"a": 5, "b": 6, "c": 6}, 6, multiple=True) is None  # choose all: many hands each
    assert hands_problem({"a": 7, "b": 1}, 6, multiple=True) == (
        "One option has 7 hands, but 6 people are marked present.")
    assert hands_problem({"a": 2}, 1, multiple=False) == (
        "2 hands for a choose-one question, but 1 person is marked present.")
    assert hands_problem({"a": 9}, 0, multiple=False) is None  # nobody marked present: nothing to check against


def test_how_to_answer_is_not_said_twice() -> None:
    assert how_to_answer("Which are true?", True) == "Choose all that apply."
    assert how_to_answer("Which are true? Choose all\nthat apply.", True) == ""
    assert how_to_answer("What do you say?", False) == "Choose one."


def test_discussion_questions_from_notes_and_reflections() -> None:
    step = Step(0, "T", "body", (Reflection("k", "What would you try?"),),
                facilitator='Ask: "What did you notice?" Then ask \u201cWho helps you?\u201d Say "Well done."')
    assert discussion_questions(step) == ["What did you notice?", "Who helps you?", "What would you try?"]


def test_group_core_does_not_import_textual() -> None:
    code = ("import sys, course.group.report, course.group.roster, course.group.shown, course.group.notes, "
            "course.group.csvsafe, course.commands.report\n"
            "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_a_projector_state_from_hours_ago_is_not_current() -> None:
    state = Shown("s1", "lesson", "2024-05-01T18:00:00+00:00").to_state()
    written = datetime(2024, 5, 1, 18, 30, tzinfo=UTC)
    state["updated"] = written.isoformat()
    assert current(state, written + timedelta(minutes=50)) == Shown.from_state(state)
    assert current(state, written + timedelta(hours=7)) is None
    assert current(None) is None
