"""``family-course cards --out DIR``: blank cards to print as handouts for a group."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from course.cli import main


def test_cards_command_saves_blank_cards(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "handouts"
    assert main(["cards", "--out", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert "all-cards.html" in names and "safety-plan.html" in names and "naloxone.txt" in names
    assert len(names) == 11
    safety = (out / "safety-plan.txt").read_text(encoding="utf-8")
    assert "Fill it in by hand" in safety and "_" * 40 in safety
    printed = capsys.readouterr().out
    assert str(out / "all-cards.html") in printed and "one page" in printed


def test_cards_command_reports_a_folder_it_cannot_use(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "course", "cards", "--out", str(blocker / "cards")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Could not save the cards in" in result.stderr and "Traceback" not in result.stderr


def test_cards_out_is_required() -> None:
    result = subprocess.run([sys.executable, "-m", "course", "cards"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "--out" in result.stderr


def test_cards_command_in_spanish_saves_the_spanish_cards_and_says_so_in_spanish(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tarjetas"
    assert main(["--lang", "es", "cards", "--out", str(out)]) == 0
    assert '<html lang="es">' in (out / "all-cards.html").read_text(encoding="utf-8")
    printed = capsys.readouterr().out
    assert "Se guardaron 11 archivos en" in printed and "Abra" in printed and "una página" in printed
    said = " ".join(line for line in printed.replace(str(out / "all-cards.html"), "").replace(str(out), "")
                    .splitlines() if not line.startswith("  "))
    for english in ("Saved", "files", "Open", "print", "page", "card"):
        assert english not in said, english


def test_cards_command_says_in_spanish_when_it_cannot_save(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "course", "--lang", "es", "cards", "--out",
                             str(blocker / "cards")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "No se pudieron guardar las tarjetas en" in result.stderr and "Traceback" not in result.stderr
