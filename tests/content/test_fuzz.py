"""Random text and bytes as lesson and quiz files: loading and validating never raise."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course.content import ContentDir
from course.content.validate import run
from tests.content.fixtures import LESSON, QUIZ

MARKDOWN_BITS = st.sampled_from([
    "---\n", "id: x\n", "title: T\n", "order: 1\n", "minutes: 5\n", "objectives:\n  - a\n", "## Step\n",
    "# Title\n", "::: reflect\n", "::: facilitator\n", ":::\n", "- [ ] no\n", "- [x] yes\n", "  > fb\n",
    "> why\n", "text\n", "\n", "{#id}", "lesson: x\n", "pass_mark: 200\n", "summary: s\n", "```\n", "|a|b|\n",
    "&amp;", "[link](x)", "\t", "\x1b[31m", "[bold]", "\ufeff", "é", "🙂",
])
TEXT = st.one_of(st.text(max_size=400), st.lists(MARKDOWN_BITS, max_size=40).map("".join))


def _check(lesson: bytes, quiz: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "lessons").mkdir()
        (root / "quizzes").mkdir()
        (root / "lessons" / "01-x.md").write_bytes(lesson)
        (root / "quizzes" / "x.md").write_bytes(quiz)
        out = io.StringIO()
        code = run([ContentDir.of(root)], strict=False, grades=True, out=out)
        assert code in (0, 1)
        assert "Traceback" not in out.getvalue()
        assert out.getvalue().strip().splitlines()[-1].split(" checked: ")[1]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lesson=TEXT, quiz=TEXT)
def test_random_text_never_raises(lesson: str, quiz: str) -> None:
    _check(lesson.encode("utf-8", "surrogatepass"), quiz.encode("utf-8", "surrogatepass"))


@settings(max_examples=100, deadline=None)
@given(lesson=st.binary(max_size=600), quiz=st.binary(max_size=600))
def test_random_bytes_never_raise(lesson: bytes, quiz: bytes) -> None:
    _check(lesson, quiz)


@settings(max_examples=150, deadline=None)
@given(cut=st.integers(min_value=0, max_value=len(LESSON)), insert=TEXT)
def test_mangled_real_files_never_raise(cut: int, insert: str) -> None:
    lesson = LESSON[:cut] + insert + LESSON[cut:]
    quiz = QUIZ[: cut % len(QUIZ)] + insert + QUIZ[cut % len(QUIZ):]
    _check(lesson.encode("utf-8", "surrogatepass"), quiz.encode("utf-8", "surrogatepass"))
