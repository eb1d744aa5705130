"""The lesson and quiz examples in the README are valid course files."""

from __future__ import annotations

import io
import re
from pathlib import Path

from course.content import ContentDir
from course.content.validate import run

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_examples_validate(tmp_path: Path) -> None:
    blocks = re.findall(r"```markdown\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    lesson = next(b for b in blocks if "\nid: my-lesson" in b)
    quiz = next(b for b in blocks if "\nlesson: my-lesson" in b)
    (tmp_path / "lessons").mkdir()
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "lessons" / "07-my-lesson.md").write_text(lesson, encoding="utf-8")
    (tmp_path / "quizzes" / "my-lesson.md").write_text(quiz, encoding="utf-8")
    out = io.StringIO()
    assert run([ContentDir.of(tmp_path)], strict=False, grades=False, out=out) == 0, out.getvalue()
    assert ": error:" not in out.getvalue()
