"""The progress rules the course map, My progress and the record share: plain Python, no screen needed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from course.content.model import Lesson, Quiz, Step
from course.progress import (
    best_score_text,
    completion_record,
    continue_label,
    minutes_text,
    next_lesson,
    score_text,
    status_mark,
    status_text,
    status_word,
    totals_text,
)
from course.store.records import LessonState, OpenQuiz, QuizResult

WHEN = datetime(2025, 3, 4, 10, 0, tzinfo=UTC)


def lesson(lesson_id: str, steps: int = 3, *, quiz: bool = True, wants_quiz: bool = True) -> Lesson:
    return Lesson(id=lesson_id, title=lesson_id.title(), order=1, minutes=10, summary="", objectives=(),
                  steps=tuple(Step(n, f"Step {n}", "") for n in range(steps)), wants_quiz=wants_quiz,
                  quiz=Quiz(lesson_id, 80, ()) if quiz else None)


def result(score: int, total: int, percent: int, passed: bool) -> QuizResult:
    return QuizResult("a", score, total, percent, passed, WHEN)


@pytest.mark.parametrize(("status", "step", "text"), [
    ("not_started", 0, "Not started"),
    ("in_progress", 1, "Step 2 of 3"),
    ("in_progress", 9, "Step 3 of 3"),  # a lesson that lost steps since: never past its last step
    ("done", 2, "Done"),
])
def test_status_text(status: str, step: int, text: str) -> None:
    assert status_text(lesson("a"), LessonState("a", step=step, status=status)) == text


def test_one_status_mapping() -> None:
    assert [status_word(s) for s in ("done", "in_progress", "not_started", "something-new")] == [
        "Done", "In progress", "Not started", "Not started"]
    assert [status_mark(s) for s in ("done", "in_progress", "not_started")] == ["✓", "›", "○"]


def test_score_text() -> None:
    a = lesson("a")
    assert score_text(a, None) == "Quiz not taken"
    assert score_text(a, result(7, 8, 88, True)) == "Best quiz 88% (passed)"
    assert score_text(a, result(3, 8, 38, False)) == "Best quiz 38% (not passed yet)"
    begun = OpenQuiz("a", ("q1", "q2", "q3"), (), {"q1": ("a",)}, WHEN)
    assert score_text(a, result(3, 8, 38, False), begun) == "Quiz: 1 of 3 answered, press Q to carry on"
    assert score_text(a, None, begun._replace(answers={})) == "Quiz not taken"
    assert score_text(lesson("b", quiz=False), None) == "Quiz unavailable"
    assert score_text(lesson("c", quiz=False, wants_quiz=False), None) == ""


def test_best_score_text() -> None:
    assert best_score_text(result(7, 8, 88, True)) == "7 of 8 (88%)"
    assert best_score_text(None) == ""


def test_what_to_continue() -> None:
    lessons = [lesson("a"), lesson("b"), lesson("c")]
    assert next_lesson(lessons, {}) is lessons[0]
    done_a = {"a": LessonState("a", status="done")}
    assert next_lesson(lessons, done_a) is lessons[1]
    assert next_lesson(lessons, {**done_a, "c": LessonState("c", step=1, status="in_progress")}) is lessons[2]
    everything = {x.id: LessonState(x.id, status="done") for x in lessons}
    assert next_lesson(lessons, everything) is None
    assert next_lesson([], {}) is None


def test_continue_label() -> None:
    a = lesson("a")
    assert continue_label(None, {}) == "All lessons done. Open My progress"
    assert continue_label(a, {}) == "Start: A"
    assert continue_label(a, {"a": LessonState("a", step=1, status="in_progress")}) == "Continue: A, step 2 of 3"
    # the same "step N of M" as the map's status: never past the lesson's last step
    assert continue_label(a, {"a": LessonState("a", step=7, status="in_progress")}) == "Continue: A, step 3 of 3"


@pytest.mark.parametrize(("seconds", "text"), [(0, "-"), (10, "<1"), (29.9, "<1"), (30, "1"), (31, "1"),
                                               (90, "2"), (600, "10")])
def test_minutes_text(seconds: float, text: str) -> None:
    assert minutes_text(seconds) == text


def test_totals_text() -> None:
    lessons = [lesson("a"), lesson("b")]
    assert totals_text(lessons, {}) == "Lessons finished: 0 of 2. Time spent: about 0 minutes."
    states = {"a": LessonState("a", status="done", seconds=50), "b": LessonState("b", status="in_progress",
                                                                                    seconds=30)}
    assert totals_text(lessons, states) == "Lessons finished: 1 of 2. Time spent: about 1 minute."


def test_completion_record() -> None:
    lessons = [lesson("a"), lesson("b"), lesson("c")]
    states = {"a": LessonState("a", status="done", seconds=600, finished=WHEN),
              "b": LessonState("b", step=1, status="in_progress", seconds=95)}
    best = {"a": result(7, 8, 88, True)}
    made = datetime(2025, 3, 5, tzinfo=UTC)
    record = completion_record("Sam", lessons, states, best.get, made)
    assert record.name == "Sam"
    assert record.made == made
    assert [(line.title, line.status, line.finished, line.minutes, line.best_score) for line in record.lines] == [
        ("A", "Done", WHEN, 10, "7 of 8 (88%)"),
        ("B", "In progress", None, 2, ""),
        ("C", "Not started", None, 0, ""),
    ]
    assert record.done == 1


def test_record_path(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from course.progress import record_path

    monkeypatch.setenv("HOME", str(tmp_path))
    assert record_path("Jo Smith", "1a2b3c4d") == tmp_path / "family-course-record-Jo-Smith-1a2b3c.html"
    assert record_path("Jo", "") == tmp_path / "family-course-record-Jo.html"
    assert record_path("../..", "") == tmp_path / "family-course-record-record.html"  # never a path of its own
    assert len(record_path("x" * 80, "").name) == len("family-course-record-.html") + 30
    from course.i18n import use_language
    from course.progress import cards_folder_name

    use_language("es")  # named in the language shown; the cards beside it, in either language
    assert record_path("Rosa", "1a2b3c4d") == tmp_path / "curso-para-familias-constancia-Rosa-1a2b3c.html"
    assert cards_folder_name("curso-para-familias-constancia-Rosa-1a2b3c") == "curso-para-familias-tarjetas-Rosa-1a2b3c"
    assert cards_folder_name("family-course-record-Jo") == "family-course-cards-Jo"
    assert cards_folder_name("notes") == "notes-cards"


def test_progress_words_in_spanish() -> None:
    from course.i18n import use_language

    a = lesson("a")
    use_language("es")
    assert status_text(a, LessonState("a", step=1, status="in_progress")) == "Paso 2 de 3"
    assert [status_word(s) for s in ("done", "in_progress", "not_started")] == [
        "Completada", "En curso", "Sin empezar"]
    assert score_text(a, None) == "Prueba sin hacer"
    assert score_text(a, result(7, 8, 88, True)) == "Mejor puntaje: 88% (aprobada)"
    assert score_text(a, result(3, 8, 38, False)) == "Mejor puntaje: 38% (aún no aprobada)"
    assert best_score_text(result(7, 8, 88, True)) == "7 de 8 (88%)"
    assert continue_label(a, {}) == "Empezar: A"
    assert continue_label(a, {"a": LessonState("a", step=1, status="in_progress")}) == "Continuar: A, paso 2 de 3"
    assert continue_label(None, {}) == "Lecciones completadas. Abrir Mi progreso"
    assert totals_text([a], {"a": LessonState("a", status="done", seconds=60)}) == (
        "Lecciones terminadas: 1 de 1. Tiempo dedicado: cerca de 1 minuto.")
    assert totals_text([a], {}).endswith("unos 0 minutos.")
