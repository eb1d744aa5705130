"""family-course report: tables and spreadsheet-safe CSV for people, group sessions and the kiosk."""

from __future__ import annotations

import csv
import io
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from tinydb import where

from course.cli import main
from course.commands.report import BOM
from course.content.model import Course
from course.group import report
from course.store import Store, groups, progress
from tests.group.helpers import LESSON_ID, group_with_people


def run_report(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    content = data_dir.parent / "content"
    extra = ["--content", str(content)] if content.exists() else []
    code = main(["report", "--data-dir", str(data_dir), *extra, *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def csv_rows(text: str) -> list[list[str]]:
    """The rows of a CSV report, which starts with a UTF-8 byte-order mark (for Excel)."""
    if text.startswith(BOM):
        text = text[1:]
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
    assert people.startswith(BOM) and not sessions.startswith(BOM)  # one mark, at the start of the file
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


def test_csv_starts_with_a_byte_order_mark_so_excel_reads_utf_8(capsysbinary: pytest.CaptureFixture[bytes],
                                                                 store: Store, data_dir: Path) -> None:
    store.create_profile("Jos\u00e9")
    assert main(["report", "--data-dir", str(data_dir), "--format", "csv"]) == 0
    raw = capsysbinary.readouterr().out
    assert raw.startswith(b"\xef\xbb\xbfName,")
    assert "Jos\u00e9".encode() in raw and b"\r\n" in raw and b"\r\r\n" not in raw
    assert main(["report", "--data-dir", str(data_dir)]) == 0
    assert not capsysbinary.readouterr().out.startswith(b"\xef\xbb\xbf")  # a table on screen has no mark


def test_output_writes_a_private_file(capsys: pytest.CaptureFixture[str], store: Store, data_dir: Path,
                                      tmp_path: Path) -> None:
    store.create_profile("Jos\u00e9")
    target = tmp_path / "families.csv"
    code = main(["report", "--data-dir", str(data_dir), "--format", "csv", "--output", str(target)])
    out = capsys.readouterr()
    assert code == 0 and out.out == "" and str(target) in out.err
    assert target.read_bytes().startswith(b"\xef\xbb\xbfName,")
    assert (target.stat().st_mode & 0o777) == 0o600
    code = main(["report", "--data-dir", str(data_dir), "--output", str(tmp_path / "nowhere" / "x.csv")])
    assert code == 1 and "cannot write" in capsys.readouterr().err


def test_last_activity_is_the_real_time_of_the_last_thing_done(monkeypatch: pytest.MonkeyPatch, store: Store,
                                                               course: Course) -> None:
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    try:
        gid, (ana, ben) = group_with_people(store, "Ana", "Ben")
        store.save_lesson_state(ben, "second-lesson", step=1)  # Ben read at home: a real time, now
        sid = store.start_session(gid, LESSON_ID, "2024-05-07")
        morning = datetime(2024, 5, 7, 5, 22, tzinfo=UTC)  # 22:22 the evening before, in Los Angeles
        monkeypatch.setattr(groups, "now", lambda: morning - timedelta(minutes=50))
        store.set_present(sid, ana, True)
        monkeypatch.setattr(groups, "now", lambda: morning)
        monkeypatch.setattr(progress, "now", lambda: morning)
        store.finish_session(sid)
        rows = {r.name: r for r in report.profile_rows(store)}
        assert rows["Ana"].last_activity == morning
        assert rows["Ana"].cells()[-1] == "2024-05-06 22:22"  # shown in local time, and never a made-up noon
        assert rows["Ben"].last_activity is not None and rows["Ben"].last_activity > morning
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_a_session_saved_before_times_were_kept_shows_only_its_day(store: Store) -> None:
    gid, (ana,) = group_with_people(store, "Ana")
    sid = store.start_session(gid, LESSON_ID, "2024-05-07")
    store.set_present(sid, ana, True)
    store._table("sessions").update({"marked": {}}, where("id") == sid)  # as an older version saved it
    (row,) = report.profile_rows(store)
    assert row.last_activity == date(2024, 5, 7) and row.cells()[-1] == "2024-05-07"


def test_wide_characters_keep_the_table_in_line(capsys: pytest.CaptureFixture[str], store: Store,
                                                data_dir: Path) -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    for name in ("Ana \U0001f600", "\u674e\u534e", "Jos\u00e9", "Zo\u00eb", f"Fam {family}"):
        store.create_profile(name)
    code, out, _ = run_report(capsys, data_dir)
    assert code == 0
    lines = [line for line in out.splitlines() if line.strip()][1:]  # the header, the rule, the rows
    cells = [report.cell_width(line[: line.index("  0")]) for line in lines[2:]]  # up to the first count
    assert len(set(cells)) == 1, out  # every row's first count starts in the same column
    assert report.cell_width("\U0001f600") == 2 and report.cell_width("e\u0301") == 1
