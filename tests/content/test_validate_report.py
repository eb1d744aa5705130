"""What ``family-course validate`` tells a lesson author: every error of a file in one run, each with its line,
plain words for front-matter mistakes, a summary that counts what was checked, and clashes with built-in lessons."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from course.cli import main
from course.content import ContentDir, shipped_content_dir
from course.content.validate import run
from tests.content.fixtures import LESSON, QUIZ, make_content

ROOT = Path(__file__).resolve().parents[2]
L = "lessons/01-sample-lesson.md"
Q = "quizzes/sample-lesson.md"


def _validate(root: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = run([ContentDir.of(root)], strict=False, grades=False, out=out)
    return code, out.getvalue()


def _rows(output: str, root: Path, file: str) -> list[tuple[int | None, str, str]]:
    """(line, severity, message) of each finding about one file, in the order printed."""
    prefix = str(root / file)
    rows = []
    for row in output.splitlines():
        if not row.startswith(prefix + ":"):
            continue
        match = re.match(r"(?:(\d+): )?(error|warning): (.*)", row[len(prefix) + 1:].lstrip())
        assert match, row
        rows.append((int(match.group(1)) if match.group(1) else None, match.group(2), match.group(3)))
    return rows


def _lines_of(rows: list[tuple[int | None, str, str]], fragment: str) -> list[int | None]:
    return [line for line, _, message in rows if fragment in message]


def _line_of(text: str, starts: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(starts))


def _line_at(text: str, fragment: str) -> int:
    return text[:text.index(fragment)].count("\n") + 1


# -- every error of a file, in one run --------------------------------------------------------------------------


def test_every_front_matter_error_is_reported_in_one_run(tmp_path: Path) -> None:
    lesson = (LESSON.replace("id: sample-lesson", "id: Sample_Lesson")
              .replace("minutes: 10", "minutes: 0")
              .replace("objectives:\n  - Read a step\n  - Answer a question", "objectives: read")
              .replace("---\n\n# A Sample", "kiosk: maybe\n---\n\n# A Sample"))
    root = make_content(tmp_path / "c", lesson, QUIZ)
    code, output = _validate(root)
    rows = _rows(output, root, L)
    assert code == 1
    assert _lines_of(rows, "not kebab-case") == [2], output
    assert _lines_of(rows, "'minutes' must be more than 0") == [5], output
    assert _lines_of(rows, "'objectives' must be a list") == [7], output
    assert _lines_of(rows, "'kiosk' must be true or false") == [_line_of(lesson, "kiosk:")], output


def test_bad_yaml_does_not_hide_the_other_fields_or_the_body(tmp_path: Path) -> None:
    lesson = (LESSON.replace("minutes: 10", "minutes: [10")
              .replace("id: sample-lesson", "id: Sample_Lesson")
              .replace("::: facilitator", "::: teacher"))
    root = make_content(tmp_path / "c", lesson, QUIZ)
    code, output = _validate(root)
    rows = _rows(output, root, L)
    assert code == 1
    yaml_rows = [row for row in rows if row[0] == 5]
    assert yaml_rows and "'minutes'" in yaml_rows[0][2], output
    assert _lines_of(rows, "not kebab-case") == [2], output
    assert _lines_of(rows, "unknown block '::: teacher'") == [_line_of(lesson, "::: teacher")], output
    assert not _lines_of(rows, "'minutes' is missing"), output


def test_every_bad_step_and_block_is_reported(tmp_path: Path) -> None:
    lesson = LESSON.replace("## Try this week\n\nPick one small thing and do it.\n",
                            "## Empty one\n\n## Try this week\n\nPick one.\n\n::: teacher\nHm.\n:::\n\n"
                            "::: reflect\n:::\n\n## Also empty\n")
    root = make_content(tmp_path / "c", lesson, QUIZ)
    code, output = _validate(root)
    rows = _rows(output, root, L)
    assert code == 1
    assert _lines_of(rows, "step 'Empty one' is empty") == [_line_of(lesson, "## Empty one")], output
    assert _lines_of(rows, "unknown block") == [_line_of(lesson, "::: teacher")], output
    assert _lines_of(rows, "'::: reflect' block is empty") == [_line_at(lesson, "::: reflect\n:::")], output
    assert _lines_of(rows, "step 'Also empty' is empty") == [_line_of(lesson, "## Also empty")], output


def test_bad_quiz_front_matter_does_not_hide_bad_questions(tmp_path: Path) -> None:
    quiz = (QUIZ.replace("pass_mark: 80", "pass_mark: [80")
            .replace("  > Silence misses a chance to notice the good.\n", "")
            .replace("- [x] One", "- [ ] One").replace("- [x] Two", "- [ ] Two"))
    root = make_content(tmp_path / "c", LESSON, quiz)
    code, output = _validate(root)
    rows = _rows(output, root, Q)
    assert code == 1
    assert [row for row in rows if row[0] == 3 and "'pass_mark'" in row[2]], output
    assert _lines_of(rows, "option has no feedback") == [_line_of(quiz, "- [ ] Nothing.")], output
    assert _lines_of(rows, "has no correct option") == [_line_of(quiz, "## Second question")], output


def test_a_file_without_front_matter_still_has_its_body_checked(tmp_path: Path) -> None:
    lesson = LESSON.split("---\n", 2)[2].replace("::: facilitator", "::: teacher")
    root = make_content(tmp_path / "c", lesson, QUIZ)
    _, output = _validate(root)
    rows = _rows(output, root, L)
    assert _lines_of(rows, "front matter is missing") == [1], output
    assert _lines_of(rows, "unknown block '::: teacher'") == [_line_of(lesson, "::: teacher")], output
    assert not _lines_of(rows, "required field"), output  # one error about the front matter, not six


def test_findings_of_a_file_are_printed_in_line_order(tmp_path: Path) -> None:
    lesson = LESSON.replace("## Try this week\n\nPick one small thing and do it.\n",
                            "## Empty one\n\n## Try this week\n\n::: teacher\nHm.\n:::\n\nText.\n")
    quiz = QUIZ.replace("  > Silence misses a chance to notice the good.\n", "").replace(
        '- [x] "I liked having dinner with you tonight."\n  > Specific praise rewards the change.\n', "")
    root = make_content(tmp_path / "c", lesson, quiz)
    _, output = _validate(root)
    for file in (L, Q):
        lines = [line or 0 for line, _, _ in _rows(output, root, file)]
        assert len(lines) >= 2 and lines == sorted(lines), output


# -- plain words for front-matter mistakes ----------------------------------------------------------------------


def test_unquoted_colon_names_the_field_and_says_to_use_double_quotes(tmp_path: Path) -> None:
    lesson = LESSON.replace("title: A Sample Lesson", "title: Money: what to say").replace("::: facilitator",
                                                                                          "::: teacher")
    root = make_content(tmp_path / "c", lesson, QUIZ)
    code, output = _validate(root)
    rows = _rows(output, root, L)
    assert code == 1
    line3 = [message for line, severity, message in rows if line == 3 and severity == "error"]
    assert line3, output
    assert "'title'" in line3[0] and "colon" in line3[0] and "put the text in double quotes" in line3[0]
    assert '"Money: what to say"' in line3[0]
    assert "mapping values" not in output
    assert _lines_of(rows, "unknown block"), output  # the rest of the file is still checked


def test_unquoted_colon_in_a_list_item_names_its_line(tmp_path: Path) -> None:
    lesson = LESSON.replace('  - "Example A. A Book About Families. Publisher; 2020."',
                            "  - Example A. Families: A Book. Publisher; 2020.\n"
                            "  - Example B. Notes: more: words. 2021.")
    root = make_content(tmp_path / "c", lesson, QUIZ)
    code, output = _validate(root)
    rows = _rows(output, root, L)
    assert code == 1
    for start in ("  - Example A.", "  - Example B."):
        found = [m for line, _, m in rows if line == _line_of(lesson, start)]
        assert found and "'sources'" in found[0] and "put the text in double quotes" in found[0], output


def test_a_tab_in_the_front_matter_gets_a_plain_message(tmp_path: Path) -> None:
    lesson = LESSON.replace("  - Read a step", "\t- Read a step")
    root = make_content(tmp_path / "c", lesson, QUIZ)
    code, output = _validate(root)
    rows = _rows(output, root, L)
    assert code == 1
    found = [m for line, _, m in rows if line == 8]
    assert found and "tab" in found[0] and "spaces" in found[0], output


def test_front_matter_below_the_first_line_is_explained(tmp_path: Path) -> None:
    root = make_content(tmp_path / "c", "\n\n" + LESSON, QUIZ)
    code, output = _validate(root)
    rows = _rows(output, root, L)
    assert code == 1
    assert any("first line" in m and "2 lines above" in m for _, _, m in rows), output


def test_an_empty_file_is_called_empty(tmp_path: Path) -> None:
    root = make_content(tmp_path / "c", LESSON, QUIZ)
    (root / "lessons" / "02-empty.md").write_text(" \n\n", encoding="utf-8")
    _, output = _validate(root)
    assert _rows(output, root, "lessons/02-empty.md") == [(None, "error", "the file is empty")], output


def test_unknown_field_is_a_warning(tmp_path: Path) -> None:
    lesson = LESSON.replace("minutes: 10", "minutes: 10\nquizz: false")
    root = make_content(tmp_path / "c", lesson, QUIZ)
    code, output = _validate(root)
    rows = _rows(output, root, L)
    assert code == 0
    assert [(line, severity) for line, severity, m in rows if "unknown field 'quizz'" in m] == [(6, "warning")]


def test_not_utf8_names_the_line_and_the_rest_is_still_checked(tmp_path: Path) -> None:
    root = make_content(tmp_path / "c", LESSON.replace("::: facilitator", "::: teacher"), QUIZ)
    path = root / L
    path.write_bytes(path.read_bytes().replace(b"It is short", b"It is \x93short\x94"))
    code, output = _validate(root)
    rows = _rows(output, root, L)
    assert code == 1
    assert _lines_of(rows, "not UTF-8") == [_line_of(LESSON, "This first step")], output
    assert _lines_of(rows, "unknown block"), output


# -- the summary --------------------------------------------------------------------------------------------------


def test_summary_counts_the_files_checked_and_those_with_errors_and_warnings(tmp_path: Path) -> None:
    root = make_content(tmp_path / "c", LESSON.replace("order: 1", "order: first"), QUIZ)
    (root / "lessons" / "02-other.md").write_text(
        LESSON.replace("id: sample-lesson", "id: other").replace("order: 1", "order: 2\nquiz: false"),
        encoding="utf-8")
    code, output = _validate(root)
    assert code == 1
    assert output.strip().splitlines()[-1] == (
        "2 lesson files and 1 quiz file checked: 1 error in 1 file, 1 warning in 1 file; "
        "1 lesson and 0 quizzes ready to use")


def test_summary_of_a_clean_folder(tmp_path: Path) -> None:
    lesson = LESSON.replace("## Try this week", "## Three\n\nText three.\n\n## Four\n\nText four.\n\n## Try this week")
    quiz = QUIZ + "".join(f"\n## Question {n}\nWhy?\n\n- [x] A\n  > Yes.\n- [ ] B\n  > No.\n" for n in range(3, 7))
    root = make_content(tmp_path / "c", lesson, quiz)
    code, output = _validate(root)
    assert code == 0, output
    assert output.strip().splitlines() == [
        "1 lesson file and 1 quiz file checked: 0 errors, 0 warnings; 1 lesson and 1 quiz ready to use"]


# -- clashes with other lessons --------------------------------------------------------------------------------


def _clinic(tmp_path: Path, order: int, name: str = "clinic", lesson_id: str = "clinic-extra") -> Path:
    return make_content(tmp_path / name, LESSON.replace("order: 1", f"order: {order}")
                        .replace("id: sample-lesson", f"id: {lesson_id}"),
                        QUIZ.replace("lesson: sample-lesson", f"lesson: {lesson_id}"))


def _first_built_in() -> tuple[Path, int]:
    """The first built-in lesson file and its order."""
    path = sorted((shipped_content_dir() / "lessons").glob("*.md"))[0]
    match = re.search(r"^order: *(\d+) *$", path.read_text(encoding="utf-8"), flags=re.M)
    assert match, path
    return path, int(match.group(1))


@pytest.mark.parametrize("how", ["validate DIR", "--content DIR validate"])
def test_clinic_lesson_with_a_built_in_order_is_warned_naming_both(tmp_path: Path, how: str,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    built_in, order = _first_built_in()
    clinic = _clinic(tmp_path, order)
    argv = ["validate", str(clinic)] if how == "validate DIR" else ["--content", str(clinic), "validate"]
    main(argv)
    output = capsys.readouterr().out
    rows = _rows(output, clinic, L)
    assert not [row for row in rows if row[1] == "error"], output
    clash = [(line, severity, m) for line, severity, m in rows if f"order {order}" in m]
    assert clash and clash[0][:2] == (4, "warning"), output
    assert str(built_in) in clash[0][2]
    assert not [row for row in output.splitlines() if row.startswith(f"{built_in}:") and "order" in row]


def test_clinic_lessons_in_two_folders_with_one_order_are_warned(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    first = _clinic(tmp_path, 900, "first", "first-extra")
    second = _clinic(tmp_path, 900, "second", "second-extra")
    main(["--content", str(first), "--content", str(second), "validate"])
    output = capsys.readouterr().out
    assert not [row for row in output.splitlines() if row.startswith(str(first)) and ": error: " in row], output
    clash = [m for line, severity, m in _rows(output, second, L) if "order 900" in m and severity == "warning"]
    assert clash and str(first / L) in clash[0], output


def test_validate_dir_knows_the_built_in_lessons(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clinic quiz for a built-in lesson is not "unknown", and the built-in files are not counted."""
    root = make_content(tmp_path / "clinic", LESSON.replace("order: 1", "order: 900"), QUIZ)
    built_in_id = "rebuilding-trust"
    (root / "quizzes" / f"{built_in_id}.md").write_text(QUIZ.replace("lesson: sample-lesson",
                                                                     f"lesson: {built_in_id}"), encoding="utf-8")
    main(["validate", str(root)])
    output = capsys.readouterr().out
    assert "unknown lesson" not in output
    assert output.strip().splitlines()[-1].startswith("1 lesson file and 2 quiz files checked: 0 errors")


# -- quiz: false ------------------------------------------------------------------------------------------------


def test_quiz_false_needs_no_quiz_file(tmp_path: Path) -> None:
    root = make_content(tmp_path / "c", LESSON.replace("minutes: 10", "minutes: 10\nquiz: false"), None)
    code, output = _validate(root)
    assert code == 0, output
    assert "no quiz" not in output


def test_a_quiz_for_a_lesson_with_quiz_false_is_reported_unused(tmp_path: Path) -> None:
    root = make_content(tmp_path / "c", LESSON.replace("minutes: 10", "minutes: 10\nquiz: false"), QUIZ)
    code, output = _validate(root)
    assert code == 0
    found = [m for _, severity, m in _rows(output, root, Q) if severity == "warning" and "quiz: false" in m]
    assert found, output


def test_quiz_false_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = next(b for b in re.findall(r"```markdown\n(.*?)```", readme, flags=re.S) if "\nid: my-lesson" in b)
    assert re.search(r"^quiz: (true|false) +#.*false", example, flags=re.M), example
    authoring = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert "quiz: false" in authoring


# -- nothing a file holds ever shows a traceback --------------------------------------------------------------------

NASTY: dict[str, bytes] = {
    "01-empty.md": b"",
    "02-bom.md": b"\xef\xbb\xbf" + LESSON.replace("id: sample-lesson", "id: bom").replace("order: 1", "order: 802")
    .encode(),
    "03-crlf.md": LESSON.replace("id: sample-lesson", "id: crlf").replace("order: 1", "order: 803")
    .replace("\n", "\r\n").encode(),
    "04-cr-only.md": LESSON.replace("id: sample-lesson", "id: cr").replace("order: 1", "order: 804")
    .replace("\n", "\r").encode(),
    "05-tabs.md": LESSON.replace("  - ", "\t- ").replace("\n\n", "\n\t\n").encode(),
    "06-latin1.md": LESSON.replace("Publisher", "Publisher \xe9\xe8").encode("latin-1"),
    "07-nul.md": b"---\nid: x\x00\n---\n",
    "08-huge.md": b"---\nid: huge\n---\n" + b"word " * 200_000,
    "09-no-front-matter.md": b"# Just a title\n\nSome text.\n",
    "10-only-front-matter.md": b"---\nid: only\n---\n",
    "11-unclosed.md": b"---\nid: x\ntitle: y\n",
    "12-dashes.md": b"---\n---\n---\n",
    "13-escape.md": b"---\nid: esc\x1b[31m\ntitle: \x1b]0;hi\x07\n---\n# \x1b[2J\n\ntext \x07\n",
    "14-deep.md": b"---\nid: deep\nobjectives: " + b"[" * 5000 + b"]" * 5000 + b"\n---\n\ntext\n",
    "15-aliases.md": b"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                     b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nobjectives: [*c, *c, *c, *c, *c, *c, *c, *c]\n"
                     b"---\n\ntext\n",
    "16-big-number.md": b"---\nid: n\norder: 1" + b"0" * 5000 + b"\nminutes: 1e999\n---\n\ntext\n",
    "17-odd-keys.md": b"---\n? [a, b]\n: c\n1: 2\nnull: x\nid: !!python/object:os.system ls\n---\n\ntext\n",
    "18-lone-surrogate.md": b"---\nid: s\n---\n\n\xed\xa0\x80 text\n",
    "19-unclosed-blocks.md": b"---\nid: blocks\n---\n\n::: reflect\n::: facilitator\n::: reflect\n## Heading\n",
    "20-long-line.md": b"---\ntitle: " + b"x" * 100_000 + b"\n---\n\n" + b"y" * 300_000 + b"\n",
    "21-just-bom.md": b"\xef\xbb\xbf",
    "22-windows-1252.md": b"---\r\nid: quotes\r\ntitle: \x93Smart\x94 quotes\r\n---\r\n\r\n# T\r\n\r\n"
                          b"It\x92s text.\r\n",
}


def _nasty_folder(tmp_path: Path) -> Path:
    root = tmp_path / "nasty"
    (root / "lessons").mkdir(parents=True)
    (root / "quizzes").mkdir()
    for name, data in NASTY.items():
        (root / "lessons" / name).write_bytes(data)
        (root / "quizzes" / name).write_bytes(data.replace(b"id:", b"lesson:"))
    (root / "lessons" / "99-a-folder.md").mkdir()
    return root


def test_broken_files_never_show_a_traceback(tmp_path: Path) -> None:
    root = _nasty_folder(tmp_path)
    for args in (["validate", str(root)], ["validate", "--grades", str(root)], ["validate", "--strict", str(root)],
                 ["--content", str(root), "validate", "--grades"]):
        result = subprocess.run([sys.executable, "-m", "course", *args], capture_output=True, text=True,
                                cwd=tmp_path, timeout=120)
        assert result.returncode == 1, args
        assert result.stderr == "", result.stderr
        assert "Traceback" not in result.stdout
        for name in NASTY:
            if name not in ("02-bom.md", "03-crlf.md", "04-cr-only.md"):  # the three readable ones
                assert f"lessons/{name}:" in result.stdout, (name, result.stdout)
            assert f"quizzes/{name}:" in result.stdout, (name, result.stdout)
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert re.split(r" checked(?:, in English and Spanish)?: ", result.stdout.strip().splitlines()[-1])[1]


def test_files_are_listed_in_folder_order_lessons_before_quizzes(tmp_path: Path) -> None:
    """A lesson whose only finding comes from the checks across files is still listed before the quizzes."""
    quiz = QUIZ.replace("pass_mark: 80", "pass_mark: 120").replace("lesson: sample-lesson", "lesson: other")
    root = make_content(tmp_path / "c", LESSON, quiz, quiz_name="other.md")
    (root / "lessons" / "02-other.md").write_text(
        LESSON.replace("id: sample-lesson", "id: other").replace("order: 1", "order: 2"), encoding="utf-8")
    _, output = _validate(root)
    files = [row.split(":", 1)[0] for row in output.splitlines()[:-1]]
    first_seen = list(dict.fromkeys(files))
    assert first_seen == [str(root / L), str(root / "lessons" / "02-other.md"), str(root / "quizzes" / "other.md")]


def test_an_indented_field_and_a_colon_in_text_over_two_lines(tmp_path: Path) -> None:
    lesson = (LESSON.replace("order: 1", "  order: 1")
              .replace("summary: A short lesson used by the tests.", "summary: A short lesson\n  used by: the tests."))
    root = make_content(tmp_path / "c", lesson, QUIZ)
    code, output = _validate(root)
    rows = _rows(output, root, L)
    assert code == 1
    assert [m for line, _, m in rows if line == 4] == [
        "field 'order' is indented: start it at the left edge, with no spaces before it"], output
    found = [m for line, _, m in rows if line == _line_of(lesson, "  used by")]
    assert found and "'summary'" in found[0] and "put the text in double quotes" in found[0], output
    assert not _lines_of(rows, "missing"), output
