"""``family-course validate`` on a translated course: every English file has its Spanish twin and the reverse, and
each pair keeps what a family's saved data hangs on (lesson id, steps, journal prompts, question ids, right
answers), each finding with its file and line; Spanish lessons get the INFLESZ score, not the Flesch-Kincaid grade."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from course.cli import main
from course.content import ContentDir
from course.content.readability import inflesz_label
from course.content.validate import MIN_INFLESZ, STEP_WORDS, run, step_words
from tests.content.fixtures import LESSON, LESSON_ES, QUIZ, QUIZ_ES, make_content, make_pair

L, Q = "lessons/01-sample-lesson.md", "quizzes/sample-lesson.md"
LES, QES = "lessons/es/01-sample-lesson.md", "quizzes/es/sample-lesson.md"


def _validate(root: Path, *, strict: bool = False, grades: bool = False) -> tuple[int, str]:
    out = io.StringIO()
    code = run([ContentDir.of(root)], strict=strict, grades=grades, out=out)
    return code, out.getvalue()


def _rows(output: str, root: Path, file: str) -> list[tuple[int | None, str, str]]:
    """(line, severity, message) of each finding about one file, in the order printed."""
    prefix = str(root / file)
    rows = []
    for row in output.splitlines():
        if row.startswith(prefix + ":"):
            match = re.match(r"(?:(\d+): )?(error|warning): (.*)", row[len(prefix) + 1:].lstrip())
            assert match, row
            rows.append((int(match.group(1)) if match.group(1) else None, match.group(2), match.group(3)))
    return rows


def _errors_of(output: str, root: Path, file: str) -> list[tuple[int | None, str, str]]:
    return [row for row in _rows(output, root, file) if row[1] == "error"]


def _line(text: str, starts: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(starts))


def _errors(output: str) -> list[str]:
    return [row for row in output.splitlines() if ": error: " in row]


def test_a_matching_pair_has_no_findings_about_the_pair(tmp_path: Path) -> None:
    root = make_pair(tmp_path / "c")
    code, output = _validate(root)
    assert code == 0 and not _errors(output), output
    assert _rows(output, root, LES) == [(1, "warning", "3 steps; a lesson should have 5 to 8")]
    assert output.strip().splitlines()[-1] == (
        "2 lesson files and 2 quiz files checked, in English and Spanish: 0 errors, 4 warnings in 4 files; "
        "2 lessons and 2 quizzes ready to use")


# -- a missing or an extra translation ------------------------------------------------------------------------


def test_a_missing_translation_is_an_error_on_the_english_file(tmp_path: Path) -> None:
    root = make_pair(tmp_path / "c")
    other = LESSON.replace("id: sample-lesson", "id: other").replace("order: 1", "order: 2\nquiz: false")
    make_content(root, other, None, "02-other.md")
    code, output = _validate(root)
    assert code == 1
    assert _rows(output, root, "lessons/02-other.md")[0] == (
        None, "error", f"no Spanish translation: add {root / 'lessons/es/02-other.md'}, with the same file name "
                       "(until then the lesson is shown in English)")


def test_a_missing_quiz_translation_is_an_error(tmp_path: Path) -> None:
    root = make_pair(tmp_path / "c", quiz_es=None)
    code, output = _validate(root)
    assert code == 1
    assert _errors_of(output, root, Q) == [(None, "error", f"no Spanish translation: add {root / QES}, with the same "
                                                      "file name (until then the quiz is shown in English)")]


def test_an_extra_translation_is_an_error_on_the_translation(tmp_path: Path) -> None:
    root = make_pair(tmp_path / "c")
    extra = LESSON_ES.replace("id: sample-lesson", "id: solo-es").replace("order: 1", "order: 2\nquiz: false")
    make_content(root, extra, None, "02-solo-es.md", language="es")
    code, output = _validate(root)
    assert code == 1
    assert (None, "error", f"no English lesson of this name ({root / 'lessons/02-solo-es.md'}): a translation has "
                           "the same file name as the English file it translates") in _rows(
        output, root, "lessons/es/02-solo-es.md")


# -- what a pair must share -----------------------------------------------------------------------------------


def test_a_different_lesson_id_is_an_error_at_its_line(tmp_path: Path) -> None:
    lesson = LESSON_ES.replace("id: sample-lesson", "id: leccion-de-ejemplo")
    root = make_pair(tmp_path / "c", lesson, QUIZ_ES.replace("lesson: sample-lesson", "lesson: leccion-de-ejemplo"))
    code, output = _validate(root)
    assert code == 1
    assert (2, "error", f"id 'leccion-de-ejemplo' differs from the English lesson's id 'sample-lesson' ({root / L}): "
                        "a translation keeps the English id, so progress and journal answers carry over"
            ) in _rows(output, root, LES)
    assert [row for row in _rows(output, root, QES) if "lesson" in row[2]] == [
        (2, "error", f"lesson 'leccion-de-ejemplo' differs from the English quiz's lesson 'sample-lesson' "
                     f"({root / Q})")]


def test_a_different_step_count_is_an_error_at_the_first_extra_step(tmp_path: Path) -> None:
    lesson = LESSON_ES + "\n## Un paso de más\n\nTexto de más.\n"
    root = make_pair(tmp_path / "c", lesson)
    code, output = _validate(root)
    assert code == 1
    assert (_line(lesson, "## Un paso de más"), "error",
            f"4 steps; the English lesson ({root / L}) has 3: a translation keeps every step, in the same order, so "
            "journal answers stay with their step") in _rows(output, root, LES)


def test_a_missing_step_is_an_error_at_the_last_step(tmp_path: Path) -> None:
    lesson = LESSON_ES[:LESSON_ES.index("## Para probar")]
    root = make_pair(tmp_path / "c", lesson)
    code, output = _validate(root)
    assert code == 1
    assert (_line(lesson, "## El segundo paso"), "error",
            f"2 steps; the English lesson ({root / L}) has 3: a translation keeps every step, in the same order, so "
            "journal answers stay with their step") in _rows(output, root, LES)


def test_a_journal_prompt_in_another_step_is_an_error_at_each_step(tmp_path: Path) -> None:
    moved = "::: reflect\n¿Qué le gustaría probar?\n:::\n\n"
    lesson = LESSON_ES.replace(moved, "").replace("Elija una cosa", moved + "Elija una cosa")
    root = make_pair(tmp_path / "c", lesson)
    code, output = _validate(root)
    assert code == 1
    rows = [row for row in _rows(output, root, LES) if "journal" in row[2]]
    assert rows == [
        (_line(lesson, "## El segundo paso"), "error", "step 2 has 0 journal prompts (::: reflect); the English step "
         "2 has 1: a translation keeps each one in its step, so journal answers carry over"),
        (_line(lesson, "## Para probar"), "error", "step 3 has 1 journal prompt (::: reflect); the English step "
         "3 has 0: a translation keeps each one in its step, so journal answers carry over"),
    ]


@pytest.mark.parametrize(("field", "changed", "message"), [
    ("order", "order: 2", "order 2 differs from the English lesson's order 1"),
    ("kiosk", "minutes: 10\nkiosk: true", "kiosk: true differs from the English lesson's kiosk: false"),
    ("quiz", "minutes: 10\nquiz: false", "quiz: false differs from the English lesson's quiz: true"),
])
def test_order_kiosk_and_quiz_are_the_same_in_a_translation(tmp_path: Path, field: str, changed: str,
                                                            message: str) -> None:
    lesson = LESSON_ES.replace("order: 1" if field == "order" else "minutes: 10", changed)
    root = make_pair(tmp_path / "c", lesson)
    code, output = _validate(root)
    assert code == 1
    line = _line(lesson, f"{field}:")
    assert [(n, severity) for n, severity, m in _rows(output, root, LES) if m.startswith(message)] == [
        (line, "error")], output


def test_a_question_id_from_the_spanish_heading_is_an_error_naming_the_english_id(tmp_path: Path) -> None:
    quiz = QUIZ_ES.replace("## Segunda pregunta {#second-question}", "## Segunda pregunta")
    root = make_pair(tmp_path / "c", quiz_es=quiz)
    code, output = _validate(root)
    assert code == 1
    assert _errors_of(output, root, QES) == [
        (_line(quiz, "## Segunda pregunta"), "error",
         f"question id 'segunda-pregunta' is not in the English quiz ({root / Q}): a translated question keeps the "
         "English id; give this heading {#second-question}, like the English question it translates")]


def test_a_missing_question_is_an_error(tmp_path: Path) -> None:
    quiz = QUIZ_ES[:QUIZ_ES.index("## Segunda pregunta")]
    root = make_pair(tmp_path / "c", quiz_es=quiz)
    code, output = _validate(root)
    assert code == 1
    assert (_line(quiz, "## Primera pregunta"), "error",
            f"the English question 'second-question' ({root / Q}:{_line(QUIZ, '## Second question')}) has no "
            "translation here: add it, with {#second-question} after its heading") in _rows(output, root, QES)


def test_questions_in_another_order_are_an_error(tmp_path: Path) -> None:
    first, second = QUIZ_ES.split("## Segunda pregunta")
    head, first_question = first.split("## Primera pregunta")
    quiz = f"{head}## Segunda pregunta{second.rstrip()}\n\n## Primera pregunta{first_question}"
    root = make_pair(tmp_path / "c", quiz_es=quiz)
    code, output = _validate(root)
    assert code == 1
    assert (_line(quiz, "## Segunda pregunta"), "error",
            "question 'second-question' is number 1 here and number 2 in the English quiz: keep the English order "
            "(the group quiz shows the questions by number)") in _rows(output, root, QES)


@pytest.mark.parametrize(("old", "new", "here"), [
    ("- [ ] Nada.", "- [x] Nada.", "a and b right of 2 options"),
    ('- [ ] Nada.\n  > Si no dice nada, pierde la ocasión de notar lo bueno.\n- [x] "Me',
     '- [x] Nada.\n  > Si no dice nada, pierde la ocasión de notar lo bueno.\n- [ ] "Me', "a right of 2 options"),
    ("- [ ] Tres\n  > Esta no.", "- [ ] Tres\n  > Esta no.\n- [ ] Cuatro\n  > Tampoco.", "a and b right of 4 options"),
])
def test_a_different_right_answer_is_an_error_at_the_question(tmp_path: Path, old: str, new: str,
                                                              here: str) -> None:
    quiz = QUIZ_ES.replace(old, new)
    root = make_pair(tmp_path / "c", quiz_es=quiz)
    code, output = _validate(root)
    assert code == 1
    rows = [row for row in _rows(output, root, QES) if "right" in row[2]]
    second = "Cuatro" in new
    heading, english = ("## Segunda", "## Second") if second else ("## Primera", "## First")
    there = "a and b right of 3 options" if second else "b right of 2 options"
    assert rows == [(_line(quiz, heading), "error",
                     f"the options differ from the English question's ({root / Q}:{_line(QUIZ, english)}): here "
                     f"{here}, there {there}; a translation keeps the options in the same order, with the same ones "
                     "right")], output


def test_a_different_pass_mark_is_an_error_at_its_line(tmp_path: Path) -> None:
    quiz = QUIZ_ES.replace("pass_mark: 80", "pass_mark: 70")
    root = make_pair(tmp_path / "c", quiz_es=quiz)
    code, output = _validate(root)
    assert code == 1
    assert _errors_of(output, root, QES) == [(3, "error", "pass_mark 70 differs from the English quiz's pass_mark 80 "
                                                     f"({root / Q})")]


def test_a_broken_translation_is_reported_once_as_itself(tmp_path: Path) -> None:
    root = make_pair(tmp_path / "c", LESSON_ES.replace("title: Una lección de ejemplo\n", ""))
    code, output = _validate(root)
    assert code == 1
    assert _rows(output, root, LES) == [(1, "error", "required field 'title' is missing")]
    assert not [row for row in _rows(output, root, L) if row[1] == "error"]


def test_a_folder_that_is_no_language_is_a_warning(tmp_path: Path) -> None:
    root = make_content(tmp_path / "c")
    make_content(root, LESSON_ES, QUIZ_ES, language="espanol")
    code, output = _validate(root)
    assert code == 0
    assert (None, "warning", "this folder is not read: a translation goes in a folder named by its language code "
                             "(es)") in _rows(output, root, "lessons/espanol")


# -- the Spanish reading score and step length ----------------------------------------------------------------


HARD = ("La evaluación multidisciplinaria determinará las intervenciones terapéuticas correspondientes, "
        "considerando simultáneamente las características socioeconómicas, psicológicas y farmacológicas.")


def test_a_spanish_lesson_gets_the_inflesz_score_and_no_grade(tmp_path: Path) -> None:
    root = make_pair(tmp_path / "c", LESSON_ES.replace("Es corto y claro.", HARD * 3))
    _, output = _validate(root)
    rows = _rows(output, root, LES)
    score = [(line, severity, m) for line, severity, m in rows if "INFLESZ" in m]
    assert len(score) == 1 and score[0][2].startswith("reading score "), rows
    value = float(score[0][2].split()[2])
    assert value < MIN_INFLESZ
    assert score[0] == (1, "warning", f"reading score {value:.1f} is below {MIN_INFLESZ:.0f} (INFLESZ, "
                        f"learner-facing text: '{inflesz_label(value)}'): aim for 'bastante fácil' (65 to 80) or "
                        "easier, with shorter sentences and shorter, everyday words")
    assert not [m for _, _, m in rows if "grade" in m]


def test_the_shipped_spanish_lessons_would_fail_the_english_grade() -> None:
    """Why Spanish needs its own score: Flesch-Kincaid counts Spanish words wrongly and grades easy Spanish hard."""
    from course.content import load_course
    from course.content.readability import measure

    lesson = load_course(language="es").lessons[0]
    assert measure(lesson.prose).grade > 8 > 0 and measure(lesson.prose, "es").inflesz >= MIN_INFLESZ


def test_grades_prints_the_inflesz_score_for_spanish(tmp_path: Path) -> None:
    root = make_pair(tmp_path / "c")
    _, output = _validate(root, grades=True)
    english = [row for row in output.splitlines() if row.startswith(f"{root / L}: grade ")]
    spanish = [row for row in output.splitlines() if row.startswith(f"{root / LES}: INFLESZ ")]
    assert len(english) == 1 and len(spanish) == 1, output
    assert re.fullmatch(r".*: INFLESZ \d+\.\d \((muy|bastante) fácil\), 3 steps, 10 min, 2 quiz questions", spanish[0])


def _long_step(words: int) -> str:
    return ("uno dos tres cuatro cinco seis siete ocho nueve diez " * (words // 10)).strip()


def test_a_spanish_step_may_be_longer_than_an_english_one(tmp_path: Path) -> None:
    assert STEP_WORDS[1] == 250 and step_words("es") == 340 and step_words("en") == 250
    fits = LESSON_ES.replace("Elija una cosa pequeña y hágala.", _long_step(330))
    root = make_pair(tmp_path / "fits", fits)
    assert not [m for _, _, m in _rows(_validate(root)[1], root, LES) if "words" in m]
    long = LESSON_ES.replace("Elija una cosa pequeña y hágala.", _long_step(350))
    root = make_pair(tmp_path / "long", long)
    assert [m for _, _, m in _rows(_validate(root)[1], root, LES) if "words" in m] == [
        "step 'Para probar esta semana' has 350 words; keep each step under 340 (Spanish; 250 in English)"]


def test_validate_checks_the_shipped_course_in_both_languages_strictly() -> None:
    """Both languages pass ``--strict``: no error, no warning, Spanish lessons all 'bastante fácil' or easier."""
    out = io.StringIO()
    assert run(None, strict=True, grades=True, out=out) == 0, out.getvalue()
    rows = out.getvalue().splitlines()
    scores = [float(row.split("INFLESZ ")[1].split()[0]) for row in rows if ": INFLESZ " in row]
    assert len(scores) >= 17 and min(scores) >= MIN_INFLESZ
    assert rows[-1].startswith("34 lesson files and 34 quiz files checked, in English and Spanish: 0 errors, "
                               "0 warnings; 34 lessons and 34 quizzes ready to use")


def test_a_clinic_folder_with_a_translation_is_checked_beside_the_built_in_course(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_pair(tmp_path / "clinic", LESSON_ES.replace("order: 1", "order: 900"),
                     QUIZ_ES.replace("pass_mark: 80", "pass_mark: 70"))
    (root / L).write_text(LESSON.replace("order: 1", "order: 900"), encoding="utf-8")
    assert main(["validate", str(root)]) == 1
    output = capsys.readouterr().out
    assert [row for row in output.splitlines() if ": error: " in row] == [
        f"{root / QES}:3: error: pass_mark 70 differs from the English quiz's pass_mark 80 ({root / Q})"]
    assert output.strip().splitlines()[-1].startswith("2 lesson files and 2 quiz files checked, in English and "
                                                      "Spanish: 1 error in 1 file")


def test_validate_in_a_clean_process_has_no_traceback_for_a_broken_pair(tmp_path: Path) -> None:
    root = make_pair(tmp_path / "c", "---\nid: [\n---\n", "no front matter")
    result = subprocess.run([sys.executable, "-m", "course", "validate", "--grades", str(root)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout


def test_an_english_clinic_lesson_is_reported_once_when_the_course_is_checked_in_two_languages(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Read in English for the Spanish course too, a clinic's untranslated lesson is not reported twice (here its
    order, which a built-in lesson uses in both languages)."""
    clinic = make_content(tmp_path / "clinic", LESSON.replace("order: 1", "order: 3"))
    main(["--content", str(clinic), "validate"])
    output = capsys.readouterr().out
    rows = _rows(output, clinic, L)
    assert [m for _, _, m in rows if m.startswith("order 3 is also used by")] == [
        m for _, _, m in rows if m.startswith("order 3 is also used by") and "/lessons/es/" not in m]
    assert len([m for _, _, m in rows if m.startswith("order 3")]) == 1, output
