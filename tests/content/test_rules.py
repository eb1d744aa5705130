"""Each validation rule: a broken fixture, the file and line reported, and the message."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from course.content import ContentDir
from course.content.validate import run
from tests.content.fixtures import LESSON, QUIZ, make_content

L = "lessons/01-sample-lesson.md"
Q = "quizzes/sample-lesson.md"

# (name, lesson text, quiz text, file, line or None, message fragment)
CASES: list[tuple[str, str, str | None, str, int | None, str]] = [
    ("yaml syntax", LESSON.replace("minutes: 10", "minutes: [10"), QUIZ, L, 5, "field 'minutes' could not be read"),
    ("front matter missing", LESSON.split("---\n", 2)[2], QUIZ, L, 1, "front matter is missing"),
    ("front matter unterminated", LESSON.replace("---\n\n# A Sample", "\n# A Sample"), QUIZ, L, 1,
     "front matter is not closed"),
    ("front matter not mapping", "---\n- a\n- b\n---\n\n# T\n\nText.\n", None, L, 1, "must be a list of 'field"),
    ("id missing", LESSON.replace("id: sample-lesson\n", ""), QUIZ, L, 1, "required field 'id' is missing"),
    ("title missing", LESSON.replace("title: A Sample Lesson\n", ""), QUIZ, L, 1, "'title' is missing"),
    ("order wrong type", LESSON.replace("order: 1", "order: first"), QUIZ, L, 4, "'order' must be a whole number"),
    ("minutes wrong type", LESSON.replace("minutes: 10", "minutes: ten"), QUIZ, L, 5,
     "'minutes' must be a whole number"),
    ("summary missing", LESSON.replace("summary: A short lesson used by the tests.\n", ""), QUIZ, L, 1,
     "'summary' is missing"),
    ("objectives wrong type", LESSON.replace("objectives:\n  - Read a step\n  - Answer a question",
                                             "objectives: read"), QUIZ, L, 7, "'objectives' must be a list"),
    ("id not kebab", LESSON.replace("id: sample-lesson", "id: Sample_Lesson"), QUIZ, L, 2, "not kebab-case"),
    ("no quiz", LESSON, None, L, 2, "no quiz: add quizzes/sample-lesson.md"),
    ("quiz unknown lesson", LESSON, QUIZ.replace("lesson: sample-lesson", "lesson: nowhere"), Q, 2,
     "unknown lesson 'nowhere'"),
    ("quiz without front matter", LESSON, QUIZ.split("---\n", 2)[2], Q, 1, "front matter is missing"),
    ("pass mark range", LESSON, QUIZ.replace("pass_mark: 80", "pass_mark: 120"), Q, 3, "pass_mark must be"),
    ("one option", LESSON, QUIZ.replace('- [ ] Nothing.\n  > Silence misses a chance to notice the good.\n', ""),
     Q, 6, "needs at least two options"),
    ("no correct option", LESSON, QUIZ.replace('- [x] "I liked', '- [ ] "I liked'), Q, 6, "no correct option"),
    ("option without feedback", LESSON, QUIZ.replace("  > Silence misses a chance to notice the good.\n", ""),
     Q, 9, "option has no feedback"),
    ("duplicate question ids", LESSON, QUIZ.replace("## Second question", "## Second question {#first}"), Q, 16,
     "question id 'first' is used twice"),
    ("empty step", LESSON.replace("## Try this week\n\nPick one small thing and do it.\n",
                                  "## Try this week\n\n## Last\n\nText.\n"),
     QUIZ, L, 33, "step 'Try this week' is empty"),
    ("unknown container", LESSON.replace("::: facilitator", "::: teacher"), QUIZ, L, 29, "unknown block '::: teacher'"),
    ("unclosed container", LESSON.replace("Pick one small thing and do it.\n",
                                          "Pick one.\n\n::: reflect\nWhat now?\n"), QUIZ, L, 37, "is not closed"),
    ("no sources (warning)", LESSON.replace('sources:\n  - "Example A. A Book About Families. Publisher; 2020."\n',
                                            ""), QUIZ, L, 1, "warning: no sources"),
    ("reading grade (warning)", LESSON.replace(
        "This first step says why the lesson matters. It is short and plain.",
        "Institutional considerations notwithstanding, comprehensive multidisciplinary interventions "
        "characteristically necessitate individualised consideration of psychosocial circumstances."),
     QUIZ, L, 1, "warning: reading grade"),
]


def _validate(tmp_path: Path, lesson: str, quiz: str | None, *extra: str) -> tuple[int, str]:
    root = make_content(tmp_path / "my-content", lesson, quiz)
    out = io.StringIO()
    code = run([ContentDir.of(root)], strict="--strict" in extra, grades=False, out=out)
    return code, out.getvalue()


@pytest.mark.parametrize(("name", "lesson", "quiz", "file", "line", "fragment"), CASES, ids=[c[0] for c in CASES])
def test_rule_reports_file_line_and_message(tmp_path: Path, name: str, lesson: str, quiz: str | None, file: str,
                                            line: int | None, fragment: str) -> None:
    code, output = _validate(tmp_path, lesson, quiz)
    where = f"{tmp_path / 'my-content' / file}:{line}:" if line else f"{tmp_path / 'my-content' / file}:"
    matching = [row for row in output.splitlines() if row.startswith(where) and fragment in row]
    assert matching, output
    severity = "warning" if "(warning)" in name else "error"
    assert f": {severity}: " in matching[0]
    assert code == (0 if severity == "warning" else 1)


def test_valid_fixture_has_no_errors(tmp_path: Path) -> None:
    code, output = _validate(tmp_path, LESSON, QUIZ)
    assert code == 0
    assert ": error:" not in output
    assert output.strip().splitlines()[-1].startswith("1 lesson file and 1 quiz file checked: 0 errors")


def test_course_standards_are_warnings(tmp_path: Path) -> None:
    code, output = _validate(tmp_path, LESSON, QUIZ)
    assert code == 0
    assert "01-sample-lesson.md:1: warning: 3 steps; a lesson should have 5 to 8" in output
    assert "sample-lesson.md:1: warning: 2 questions; a quiz should have 6 to 10" in output


def test_strict_turns_warnings_into_errors(tmp_path: Path) -> None:
    lesson = LESSON.replace('sources:\n  - "Example A. A Book About Families. Publisher; 2020."\n', "")
    code, output = _validate(tmp_path, lesson, QUIZ, "--strict")
    assert code == 1
    assert ": error: no sources" in output


def test_not_utf8_names_its_line(tmp_path: Path) -> None:
    root = make_content(tmp_path / "c", LESSON, QUIZ)
    (root / "lessons" / "01-sample-lesson.md").write_bytes(LESSON.encode("utf-8") + b"\xff\xfe bad")
    out = io.StringIO()
    assert run([ContentDir.of(root)], strict=False, grades=False, out=out) == 1
    assert f"{root / 'lessons' / '01-sample-lesson.md'}:36: error: not UTF-8 text" in out.getvalue()


def test_duplicate_id_and_order(tmp_path: Path) -> None:
    root = make_content(tmp_path / "c", LESSON, QUIZ)
    (root / "lessons" / "02-copy.md").write_text(LESSON, encoding="utf-8")
    (root / "lessons" / "03-other.md").write_text(LESSON.replace("id: sample-lesson", "id: zz-other"),
                                                    encoding="utf-8")
    (root / "quizzes" / "zz-other.md").write_text(QUIZ.replace("lesson: sample-lesson", "lesson: zz-other"),
                                               encoding="utf-8")
    out = io.StringIO()
    assert run([ContentDir.of(root)], strict=False, grades=False, out=out) == 1
    text = out.getvalue()
    assert f"{root / 'lessons' / '02-copy.md'}:2: error: duplicate id 'sample-lesson'" in text
    assert f"{root / 'lessons' / '03-other.md'}:4: error: duplicate order 1" in text


def test_path_is_shown_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_content(tmp_path / "my-content", LESSON.replace("order: 1", "order: x"), QUIZ)
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    run([ContentDir.of("my-content")], strict=False, grades=False, out=out)
    assert out.getvalue().startswith("my-content/lessons/01-sample-lesson.md:4: error: field 'order'")


def test_large_and_binary_files_are_rejected_quickly(tmp_path: Path) -> None:
    root = make_content(tmp_path / "c", LESSON, QUIZ)
    (root / "lessons" / "02-big.md").write_text("---\nid: big\n---\n" + "word " * 400_000, encoding="utf-8")
    (root / "lessons" / "03-bin.md").write_bytes(bytes(range(256)) * 100)
    out = io.StringIO()
    assert run([ContentDir.of(root)], strict=False, grades=False, out=out) == 1
    assert "02-big.md: error: file is too large" in out.getvalue()
    assert "03-bin.md: error: not a text file" in out.getvalue()
