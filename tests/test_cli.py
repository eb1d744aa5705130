from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from course import __version__
from course.cli import build_parser, main
from tests.content.fixtures import LESSON, QUIZ, make_content


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "course", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=60)


def test_validate_shipped_course_exits_zero_from_elsewhere(tmp_path: Path) -> None:
    result = _run("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " checked, in English and Spanish: 0 errors" in result.stdout.splitlines()[-1]


def test_validate_errors_exit_one_and_no_traceback(tmp_path: Path) -> None:
    make_content(tmp_path / "c", LESSON.replace("order: 1", "order: [1"), QUIZ)
    result = _run("validate", "c", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("c/lessons/01-sample-lesson.md:4: error: field 'order' could not be read")
    assert "Traceback" not in result.stderr


def test_usage_error_exits_two() -> None:
    result = _run("validate", "--no-such-flag")
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"family-course {__version__}"


def test_global_options_before_and_after_subcommand() -> None:
    parser = build_parser()
    before = parser.parse_args(["--data-dir", "D", "--content", "C", "validate"])
    after = parser.parse_args(["validate", "--data-dir", "D", "--content", "C"])
    for args in (before, after):
        assert args.data_dir == "D" and args.content == ["C"] and args.command == "validate"


def test_content_option_adds_lessons_to_validate(tmp_path: Path) -> None:
    make_content(tmp_path / "clinic", LESSON.replace("order: 1", "order: 99").replace("id: sample-lesson",
                                                                                     "id: clinic-extra"),
                 QUIZ.replace("lesson: sample-lesson", "lesson: clinic-extra"))
    result = _run("--content", str(tmp_path / "clinic"), "validate", "--grades", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert f"{tmp_path / 'clinic' / 'lessons' / '01-sample-lesson.md'}: grade" in result.stdout


def test_unusable_data_folder_gets_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = _run("--data-dir", str(blocker / "data"), cwd=tmp_path)
    assert result.returncode == 1
    assert f"cannot use the data folder {blocker / 'data'}" in result.stderr
    assert "--data-dir" in result.stderr and "Traceback" not in result.stderr
