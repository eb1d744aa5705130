"""``family-course staff-pin set`` and ``family-course kiosk`` from the command line."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from course.cli import main
from course.commands import staff_pin
from course.store import Store


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "course", *args], input=stdin, capture_output=True, text=True,
                          timeout=60)


@pytest.mark.parametrize(("pin", "why"), [
    ("", "empty"), ("12345", "6 to 12 digits"), ("1234567890123", "6 to 12 digits"), ("12ab56", "digits only"),
    ("１２３４５６", "digits only"), ("000000", "one digit repeated"),
])
def test_bad_pins_are_refused(pin: str, why: str) -> None:
    assert why in (staff_pin.problem(pin) or "")


def test_good_pins() -> None:
    assert staff_pin.problem("482913") is None
    assert staff_pin.problem("123456789012") is None


def test_set_from_stdin_stores_a_scrypt_hash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("482913\n"))
    assert main(["--data-dir", str(tmp_path), "staff-pin", "set"]) == 0
    assert "Staff PIN set." in capsys.readouterr().out
    text = (tmp_path / "staff.json").read_text(encoding="utf-8")
    assert "482913" not in text and "scrypt" in text
    with Store(tmp_path) as store:
        assert store.check_staff_pin("482913") and not store.check_staff_pin("482914")
    monkeypatch.setattr(sys, "stdin", io.StringIO("1234\n"))
    assert main(["--data-dir", str(tmp_path), "staff-pin", "set"]) == 1
    assert "6 to 12 digits" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("777888999\n"))
    assert main(["--data-dir", str(tmp_path), "staff-pin", "set"]) == 0
    assert "Staff PIN changed." in capsys.readouterr().out


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_it_asks_twice_without_echo() -> None:
    answers = iter(["12", "482913", "482914", "482913", "482913"])
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    out = io.StringIO()
    assert staff_pin.read_pin(Terminal(), ask, out) == "482913"
    assert "6 to 12 digits" in out.getvalue() and "not the same" in out.getvalue()
    assert prompts.count("Type it again: ") == 2
    assert staff_pin.read_pin(Terminal(), lambda prompt: "1", io.StringIO()) is None


def test_kiosk_refuses_to_start_without_a_staff_pin(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "kiosk")
    assert result.returncode == 1
    assert "needs a staff PIN" in result.stderr
    assert f"family-course --data-dir {tmp_path} staff-pin set" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("value", ["0", "2", "-5", "abc", "nan", "inf", "100000"])
def test_idle_timeout_must_be_sensible(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["kiosk", "--idle-timeout", value])
    assert exit_info.value.code == 2
    assert "--idle-timeout" in capsys.readouterr().err


def test_check_says_whether_the_kiosk_could_start_without_starting_it(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "kiosk", "--check")
    assert result.returncode == 1 and "needs a staff PIN" in result.stderr and result.stdout == ""
    assert f"family-course --data-dir {tmp_path} staff-pin set" in result.stderr
    run("--data-dir", str(tmp_path), "staff-pin", "set", stdin="482913\n")
    result = run("--data-dir", str(tmp_path), "kiosk", "--check")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert result.stdout.startswith("The kiosk can start. Staff PIN: set.") and "Short lessons: " in result.stdout
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x", encoding="utf-8")
    result = run("--data-dir", str(not_a_folder), "kiosk", "--check")
    assert result.returncode == 1 and "cannot use the data folder" in result.stderr
    assert "Traceback" not in result.stderr
