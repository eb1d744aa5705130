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

    def shipped(folder: str) -> list[str]:
        """The files the wheel holds in one folder of the built-in content, not in its subfolders."""
        prefix = f"course/_content/{folder}/"
        return sorted(n[len(prefix):] for n in names if n.startswith(prefix) and "/" not in n[len(prefix):])

    lessons = sorted(p.name for p in (ROOT / "lessons").glob("*.md"))
    quizzes = sorted(p.name for p in (ROOT / "quizzes").glob("*.md"))
    cards = sorted(p.name for p in (ROOT / "cards").glob("*.md"))
    assert lessons and quizzes and len(cards) == 5
    assert shipped("lessons") == lessons and shipped("quizzes") == quizzes and shipped("cards") == cards
    # the Spanish course: one file per English file, in the es folders
    assert shipped("lessons/es") == lessons and shipped("quizzes/es") == quizzes and shipped("cards/es") == cards
    for name in ("crisis.md", "about.md"):
        assert f"course/content/texts/{name}" in names and f"course/content/texts/es/{name}" in names
    assert any(n.endswith(".tcss") for n in names)
    assert "course/locale/es/LC_MESSAGES/course.mo" in names  # the interface in Spanish
