"""Group mode's plain-Python parts: CSV safety, the tally chart, the shared presenter state, note helpers."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from course.content.model import Reflection, Step
from course.group.csvsafe import neutralise, write_csv
from course.group.notes import discussion_questions, suggested_minutes
from course.group.shown import Shown, clock, current
from course.group.tally import BAR, bar_lines, parse_count


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
                  blank=True)
    assert Shown.from_state(shown.to_state()) == shown
    assert Shown.from_state({**shown.to_state(), "updated": "x"}) == shown
    for bad in (None, {}, {"kind": "kiosk"}, {**shown.to_state(), "step": "3"}, {**shown.to_state(), "step": -1},
                {**shown.to_state(), "phase": "dance"}, {**shown.to_state(), "step": True},
                {k: v for k, v in shown.to_state().items() if k != "session_id"}):
        assert Shown.from_state(bad) is None


def test_clock() -> None:
    assert clock(0) == "0:00" and clock(65) == "1:05" and clock(3725) == "1:02:05"


@pytest.mark.parametrize(("notes", "minutes"), [
    ("10 minutes. Read each row.", 10),
    ("About 4 minutes in all. If shown in a group...", 4),
    ("Role-play (15 minutes). In pairs...", 15),
    ("This lesson plans for a 75-minute group: intro 10 minutes", None),
    ("", None),
])
def test_suggested_minutes(notes: str, minutes: int | None) -> None:
    assert suggested_minutes(notes) == minutes


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
