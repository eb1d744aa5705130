"""The wheel carries the lessons and quizzes, so an installed course finds them from any directory."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_contains_lessons_and_quizzes(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", "*.egg-info", "__pycache__", ".venv",
                                                              "build", "dist", ".pytest_cache", ".hypothesis"))
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path / "dist"),
                    str(src)], check=True, capture_output=True)
    wheel = next((tmp_path / "dist").glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    lessons = sorted(p.name for p in (ROOT / "lessons").glob("*.md"))
    quizzes = sorted(p.name for p in (ROOT / "quizzes").glob("*.md"))
    assert lessons and quizzes
    assert sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("course/_content/lessons/")) == lessons
    assert sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("course/_content/quizzes/")) == quizzes
    cards = sorted(p.name for p in (ROOT / "cards").glob("*.md"))
    assert len(cards) == 5
    assert sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("course/_content/cards/")) == cards
    assert "course/content/texts/crisis.md" in names
    assert any(n.endswith(".tcss") for n in names)
