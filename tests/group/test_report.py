"""family-course report: tables and spreadsheet-safe CSV for people, group sessions and the kiosk."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from course.cli import main
from course.content.model import Course
from course.group import report
from course.store import Store
from tests.group.helpers import LESSON_ID, group_with_people


def run_report(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    content = data_dir.parent / "content"
    extra = ["--content", str(content)] if content.exists() else []
    code = main(["report", "--data-dir", str(data_dir), *extra, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_empty_store_table_csv_and_kiosk(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, out, _ = run_report(capsys, data_dir)
    assert code == 0 and "No profiles yet." in out
    code, out, _ = run_report(capsys, data_dir, "--format", "csv")
    assert code == 0 and csv_rows(out) == [list(report.PROFILE_HEADER)]
    code, out, _ = run_report(capsys, data_dir, "--kiosk")
    assert code == 0 and "has not been used yet" in out
    code, out, _ = run_report(capsys, data_dir, "--kiosk", "--format", "csv")
    assert csv_rows(out) == [list(report.KIOSK_HEADER)]


def test_profile_rows_count_progress_quizzes_and_sessions(store: Store, course: Course) -> None:
    gid, (ana, _) = group_with_people(store, "Ana", "Ben")
    store.save_lesson_state(ana, LESSON_ID, status="done")
    store.save_lesson_state(ana, "second-lesson", step=1)
    store.record_quiz_result(ana, LESSON_ID, 1, 2, False)
    store.record_quiz_result(ana, LESSON_ID, 2, 2, True)
    store.record_quiz_result(ana, "second-lesson", 1, 2, False)
    sid = store.start_session(gid, LESSON_ID, "2024-05-07")
    store.set_present(sid, ana, True)
    other = store.create_group("Thursday group")
    store.set_present(store.start_session(other, LESSON_ID, "2024-05-09"), ana, True)
    rows = {r.name: r for r in report.profile_rows(store)}
    assert (rows["Ana"].finished, rows["Ana"].started, rows["Ana"].quiz_average, rows["Ana"].sessions) == (
        1, 2, 75, 2)
    assert rows["Ana"].last_activity is not None
    assert (rows["Ben"].finished, rows["Ben"].started, rows["Ben"].quiz_average, rows["Ben"].sessions,
            rows["Ben"].last_activity) == (0, 0, None, 0, None)
    only = report.profile_rows(store, store.group(gid))
    assert [(r.name, r.sessions) for r in only] == [("Ana", 1), ("Ben", 0)]


def test_group_report_lists_sessions_with_tallies(capsys: pytest.CaptureFixture[str], store: Store,
                                                  course: Course, data_dir: Path) -> None:
    gid, (ana, ben) = group_with_people(store, "Ana", "Ben")
    sid = store.start_session(gid, LESSON_ID, "2024-05-07")
    store.set_present(sid, ana, True)
    store.set_present(sid, ben, True)
    store.record_tally(sid, "first", {"a": 1, "b": 6})
    store.finish_session(sid)
    code, out, _ = run_report(capsys, data_dir, "--group", "tuesday EVENING family group")
    assert code == 0
    assert "Members of Tuesday evening family group" in out
    line = next(line for line in out.splitlines() if line.startswith("2024-05-07"))
    assert "A Sample Lesson" in line and "Q1 A=1 B=6 (right: B)" in line and " 2 " in line
    code, out, _ = run_report(capsys, data_dir, "--group", "Tuesday evening family group", "--format", "csv")
    people, sessions = out.split("\r\n\r\n")
    assert [r[0] for r in csv_rows(people)] == ["Name", "Ana", "Ben"]
    assert csv_rows(sessions)[1] == ["2024-05-07", "A Sample Lesson", "2", "yes", "Q1 A=1 B=6 (right: B)"]


def test_unknown_group_exits_one_and_names_the_groups(capsys: pytest.CaptureFixture[str], store: Store,
                                                      data_dir: Path) -> None:
    store.create_group("Tuesday")
    code, out, err = run_report(capsys, data_dir, "--group", "Monday")
    assert code == 1 and out == ""
    assert "No group is called \u201cMonday\u201d" in err and "\u201cTuesday\u201d" in err


def test_csv_neutralises_formulas_and_round_trips_names(capsys: pytest.CaptureFixture[str], store: Store,
                                                        data_dir: Path) -> None:
    names = ['=HYPERLINK("http://evil","x")', "+1", "-2", "@SUM(A1)", 'Lee, "Sam"', "Ana"]
    for name in names:
        store.create_profile(name)
    code, out, _ = run_report(capsys, data_dir, "--format", "csv")
    assert code == 0
    got = [row[0] for row in csv_rows(out)[1:]]
    assert got == ["'" + n for n in names[:4]] + names[4:]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in csv_rows(out) for cell in row)


def test_table_shows_control_characters_instead_of_obeying_them(capsys: pytest.CaptureFixture[str],
                                                                store: Store, data_dir: Path) -> None:
    store.create_profile("Evil\x1b[2Jname")
    code, out, _ = run_report(capsys, data_dir)
    assert code == 0 and "\x1b" not in out and "Evil\u241b[2Jname" in out


def test_kiosk_report_per_day(capsys: pytest.CaptureFixture[str], store: Store, data_dir: Path) -> None:
    day = date(2024, 5, 7)
    store.kiosk_count("sessions", 3, day=day)
    store.kiosk_count("questions_answered", 5, day=day)
    store.kiosk_count("questions_right", 4, day=day)
    code, out, _ = run_report(capsys, data_dir, "--kiosk", "--format", "csv")
    assert code == 0
    assert csv_rows(out) == [list(report.KIOSK_HEADER), ["2024-05-07", "3", "0", "0", "5", "4"]]
    code, out, _ = run_report(capsys, data_dir, "--kiosk")
    assert out.splitlines()[-1].split() == ["2024-05-07", "3", "0", "0", "5", "4"]


def test_group_and_kiosk_together_is_a_usage_error(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "--data-dir", str(data_dir), "--kiosk", "--group", "x"])
    assert exit_info.value.code == 2
