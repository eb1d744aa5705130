"""The course in another language: lessons/es/ and quizzes/es/ beside the English files, the same ids, so a
family's progress and answers carry over; a lesson not yet translated is shown in English."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from course.content import ContentDir, load_course
from course.content.languages import LANGUAGES, explanation_label, subfolder, without_explanation_label
from tests.content.fixtures import LESSON, LESSON_ES, QUIZ, QUIZ_ES, make_content, make_pair


def _ids(course_lessons: tuple) -> list[str]:
    return [lesson.id for lesson in course_lessons]


def test_spanish_is_read_from_the_es_folders(tmp_path: Path) -> None:
    root = make_pair(tmp_path / "c")
    course = load_course([ContentDir.of(root)], language="es")
    assert course.diagnostics == () and course.language == "es"
    lesson = course.lesson("sample-lesson")
    assert lesson.language == "es" and lesson.title == "Una lección de ejemplo"
    assert lesson.path == str(root / "lessons" / "es" / "01-sample-lesson.md")
    assert lesson.steps[1].reflections[0].key == "sample-lesson/2/1"
    assert lesson.steps[1].reflections[0].prompt == "¿Qué le gustaría probar?"
    assert lesson.quiz is not None and lesson.quiz.language == "es"
    assert lesson.quiz.path == str(root / "quizzes" / "es" / "sample-lesson.md")
    assert [q.id for q in lesson.quiz.questions] == ["first", "second-question"]
    assert lesson.quiz.questions[0].prompt == "Su hijo llega a casa a tiempo. ¿Qué le dice?"


def test_english_stays_in_the_top_folders_and_ignores_the_es_ones(tmp_path: Path) -> None:
    root = make_pair(tmp_path / "c")
    course = load_course([ContentDir.of(root)])
    assert course.diagnostics == () and course.language == "en"
    lesson = course.lesson("sample-lesson")
    assert lesson.language == "en" and lesson.title == "A Sample Lesson"
    assert lesson.path == str(root / "lessons" / "01-sample-lesson.md")
    assert lesson.quiz is not None and lesson.quiz.language == "en"


def test_a_lesson_not_yet_translated_is_shown_in_english(tmp_path: Path) -> None:
    root = make_pair(tmp_path / "c")
    other = LESSON.replace("id: sample-lesson", "id: other").replace("order: 1", "order: 2")
    make_content(root, other, QUIZ.replace("lesson: sample-lesson", "lesson: other"), "02-other.md", "other.md")
    course = load_course([ContentDir.of(root)], language="es")
    assert course.diagnostics == ()
    assert [(lesson.id, lesson.language) for lesson in course.lessons] == [("sample-lesson", "es"), ("other", "en")]
    assert course.lesson("other").quiz is not None and course.lesson("other").quiz.language == "en"


def test_a_translated_lesson_without_a_translated_quiz_keeps_the_english_quiz(tmp_path: Path) -> None:
    root = make_pair(tmp_path / "c", quiz_es=None)
    lesson = load_course([ContentDir.of(root)], language="es").lesson("sample-lesson")
    assert lesson.language == "es"
    assert lesson.quiz is not None and lesson.quiz.language == "en" and lesson.quiz_problem == ""


def test_a_translation_under_another_file_name_is_not_doubled_by_the_english_file(tmp_path: Path) -> None:
    root = make_content(tmp_path / "c")
    make_content(root, LESSON_ES, QUIZ_ES, "01-leccion-de-ejemplo.md", "leccion-de-ejemplo.md", language="es")
    course = load_course([ContentDir.of(root)], language="es")
    assert course.diagnostics == ()
    assert [(lesson.id, lesson.language) for lesson in course.lessons] == [("sample-lesson", "es")]
    assert course.lessons[0].quiz is not None and course.lessons[0].quiz.language == "es"


def test_a_clinic_folder_brings_its_own_translation(tmp_path: Path) -> None:
    clinic = make_pair(tmp_path / "clinic", LESSON_ES.replace("order: 1", "order: 900"))
    (clinic / "lessons" / "01-sample-lesson.md").write_text(LESSON.replace("order: 1", "order: 900"),
                                                            encoding="utf-8")
    course = load_course([ContentDir.shipped(), ContentDir.of(clinic)], language="es")
    assert course.lessons[-1].id == "sample-lesson" and course.lessons[-1].language == "es"
    assert {lesson.language for lesson in course.lessons} == {"es"}
    english = load_course([ContentDir.shipped(), ContentDir.of(clinic)])
    assert _ids(english.lessons) == _ids(course.lessons)


def test_a_clinic_lesson_with_no_translation_is_added_in_english(tmp_path: Path) -> None:
    clinic = make_content(tmp_path / "clinic", LESSON.replace("order: 1", "order: 900"))
    course = load_course([ContentDir.shipped(), ContentDir.of(clinic)], language="es")
    assert course.lessons[-1].id == "sample-lesson" and course.lessons[-1].language == "en"
    assert all(lesson.language == "es" for lesson in course.lessons[:-1])


def test_an_unknown_language_is_refused_with_the_languages_there_are(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"unknown language 'fr'.*en, es"):
        load_course([ContentDir.of(make_pair(tmp_path / "c"))], language="fr")
    with pytest.raises(ValueError):
        subfolder("xx")
    assert LANGUAGES == ("en", "es") and subfolder("en") == "" and subfolder("es") == "es"


def test_the_shipped_course_has_every_lesson_in_spanish_with_the_same_ids_and_answers() -> None:
    """What carries over when a family changes language: lesson ids and their order, journal keys, question ids
    and right answers."""
    english, spanish = load_course(), load_course(language="es")
    assert spanish.diagnostics == () and spanish.unavailable == ()
    assert {lesson.language for lesson in spanish.lessons} == {"es"}
    assert _ids(spanish.lessons) == _ids(english.lessons) and len(english.lessons) >= 17
    for en, es in zip(english.lessons, spanish.lessons, strict=True):
        assert [r.key for s in es.steps for r in s.reflections] == [r.key for s in en.steps for r in s.reflections]
        assert (es.order, es.kiosk, es.wants_quiz) == (en.order, en.kiosk, en.wants_quiz)
        assert es.title != en.title, es.id
        if en.quiz is not None:
            assert es.quiz is not None and es.quiz.language == "es", es.id
            assert [(q.id, q.correct_keys, len(q.options)) for q in es.quiz.questions] == [
                (q.id, q.correct_keys, len(q.options)) for q in en.quiz.questions]


def test_loading_spanish_does_not_measure_reading_scores() -> None:
    code = ("import sys; from course.content import load_course; course = load_course(language='es'); "
            "print(len(course.lessons), 'pyphen' in sys.modules, 'course.content.readability' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) > 0 and out[1:] == ["False", "False"]


@pytest.mark.parametrize(("explanation", "plain"), [
    ("Why it matters: noticing the good helps.", "Noticing the good helps."),
    ("Por qué importa: notar lo bueno ayuda.", "Notar lo bueno ayuda."),
    ("por qué importa - notar lo bueno ayuda.", "Notar lo bueno ayuda."),
    ("Notar lo bueno ayuda.", "Notar lo bueno ayuda."),
])
def test_the_explanation_label_is_known_in_each_language(explanation: str, plain: str) -> None:
    assert without_explanation_label(explanation) == plain
    assert explanation_label("es") == "Por qué importa" and explanation_label() == "Why it matters"


def test_every_spanish_explanation_label_is_the_known_one() -> None:
    """A quiz explanation starts with the label of its language or with none, never with a near miss."""
    for lesson in load_course(language="es").lessons:
        for question in lesson.quiz.questions if lesson.quiz else ():
            text = question.explanation
            if text and text.lower().startswith(("por qu", "why")):
                assert without_explanation_label(text) != text, (lesson.id, question.id, text[:40])
