"""family-course report --group: the phones' counts are kept with the session, marked as phone answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.cli import main
from course.content.model import Course
from course.group import report
from course.group.phones import tally_id
from course.store import Store
from tests.group.helpers import LESSON_ID, group_with_people


def session_line(capsys: pytest.CaptureFixture[str], data_dir: Path) -> str:
    code = main(["report", "--data-dir", str(data_dir), "--content", str(data_dir.parent / "content"),
                 "--group", "Tuesday evening family group"])
    assert code == 0
    return next(line for line in capsys.readouterr().out.splitlines() if line.startswith("2024-05-07"))


def test_phone_answers_are_marked_in_the_group_report(capsys: pytest.CaptureFixture[str], store: Store,
                                                      course: Course, data_dir: Path) -> None:
    gid, _ = group_with_people(store, "Ana", "Ben")
    sid = store.start_session(gid, LESSON_ID, "2024-05-07")
    store.record_tally(sid, tally_id("first"), {"a": 2, "b": 9})
    assert "Q1 phones A=2 B=9 (right: B)" in session_line(capsys, data_dir)
    store.record_tally(sid, "first", {"a": 1, "b": 3})
    assert "Q1 hands A=1 B=3, phones A=2 B=9 (right: B)" in session_line(capsys, data_dir)


def test_hand_counts_alone_read_as_before_and_removed_questions_say_phones(store: Store, course: Course) -> None:
    gid, _ = group_with_people(store, "Ana")
    sid = store.start_session(gid, LESSON_ID, "2024-05-07")
    store.record_tally(sid, "first", {"a": 1, "b": 6})
    store.record_tally(sid, tally_id("gone"), {"a": 4})
    session = store.sessions(gid)[0]
    assert report.tallies_text(course, session) == "Q1 A=1 B=6 (right: B); gone phones A=4"
