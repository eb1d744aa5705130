"""In Spanish, a lesson, its quiz, the record of completion and the cards to print are Spanish from end to end:
the Spanish content (lessons/es, quizzes/es, cards/es) in the Spanish interface, and none of the English words."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest
from textual.widgets import Button, Input, Static, TextArea

from course import record
from course.config import Settings
from course.content import load_course
from course.content.model import Course
from course.i18n import use_language
from course.learner import GuestLearner, StoredLearner
from course.store import Store
from course.ui.home.app import HomeApp
from course.ui.screens.cards import CardsScreen
from course.ui.screens.quiz import QuizResultScreen, QuizScreen, begin_quiz, feedback_markdown
from course.ui.screens.reader import ReaderScreen, ReflectionBox
from course.ui.widgets.prose import Prose
from tests.group.helpers import screen_text

LESSON = "quick-three-cs"  # three steps, a journal prompt on the last, and a quiz


@cache
def spanish_course() -> Course:
    return load_course(language="es")


def spanish_app(tmp_path: Path) -> tuple[HomeApp, Store, str]:
    store = Store(tmp_path / "data")
    pid = store.create_profile("Rosa")
    return HomeApp(spanish_course(), store, Settings(), tmp_path / "data", language="es"), store, pid


def words(text: str) -> str:
    return " ".join(text.split())


def label(app: HomeApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Button).label)


def no_english(text: str, *english: str) -> None:
    for phrase in english:
        assert not re.search(rf"\b{re.escape(phrase)}\b", text), f"English {phrase!r} in: {text}"


async def test_a_lesson_reads_in_spanish_with_spanish_chrome(tmp_path: Path) -> None:
    app, store, pid = spanish_app(tmp_path)
    lesson = spanish_course().lesson(LESSON)
    async with app.run_test(size=(80, 24)) as pilot:
        app.learner = StoredLearner(store, pid, "Rosa")
        await app.push_screen(ReaderScreen(lesson))
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert str(reader.query_one("#lesson-title").render()) == lesson.title == "Usted no lo causó: las tres C"
        assert str(reader.query_one("#step-count").render()) == "Paso 1 de 3"
        assert label(app, "#next") == "Siguiente >" and label(app, "#back") == "< Anterior"
        assert label(app, "#map") == "Mapa"
        await pilot.press("n", "n")
        await pilot.pause()
        assert str(reader.query_one("#step-count").render()) == "Paso 3 de 3"
        assert label(app, "#next") == "Terminar la lección"
        await pilot.pause()
        assert app.screen.query_one("#next", Button).size.width >= len("Terminar la lección") + 2  # not cut short
        box = reader.query_one(ReflectionBox)
        shown = words(" ".join(str(part.render()) for part in box.query(Static)))
        assert "Piense en esto (para su diario en esta computadora):" in shown
        assert "Se guarda mientras escribe." in shown
        shown += " " + words(screen_text(app))
        no_english(shown, "Step", "Think about this", "Saved as you type", "Finish lesson", "Course map", "Back")
        await pilot.press("tab", *"Me cuido")
        await pilot.pause()
        assert isinstance(app.focused, TextArea)
        await pilot.press("escape", "n")
        await pilot.pause()
        dialog = words(screen_text(app))
        assert f"Terminó \u201c{lesson.title}\u201d." in dialog and "Hacer la prueba" in dialog
        no_english(dialog, "You finished", "Well done", "Take the quiz", "Back to course map")
    assert [entry.text for entry in store.journal(pid)] == ["Me cuido"]


async def test_a_quiz_in_spanish_through_its_result_and_review(tmp_path: Path) -> None:
    app, store, pid = spanish_app(tmp_path)
    lesson = spanish_course().lesson(LESSON)
    assert lesson.quiz is not None
    async with app.run_test(size=(80, 24)) as pilot:
        app.learner = StoredLearner(store, pid, "Rosa")
        await app.push_screen(begin_quiz(app, lesson))
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        total = len(lesson.quiz.questions)
        assert str(quiz.query_one("#question-count").render()) == f"Pregunta 1 de {total}"
        assert str(quiz.query_one("#quiz-title").render()) == f"Prueba: {lesson.title}"
        assert label(app, "#check") == "Revisar respuesta"
        for question in lesson.quiz.questions:  # every answer wrong: the first option that is not right
            wrong = next(n for n, option in enumerate(question.options, 1) if not option.correct)
            await pilot.press(str(wrong), "c")
            await pilot.pause()
            feedback = quiz.query_one("#feedback", Prose).source
            assert "No del todo." in feedback and "Usted eligió:" in feedback
            no_english(feedback, "Not quite", "You chose", "Why it matters")
            if question is lesson.quiz.questions[0]:
                assert label(app, "#check") == "Siguiente pregunta"
                await pilot.pause()
                assert quiz.query_one("#check", Button).size.width >= len("Siguiente pregunta") + 2  # all of it
            await pilot.press("c")
            await pilot.pause()
        result = app.screen
        assert isinstance(result, QuizResultScreen)
        score = result.query_one("#score", Prose).source
        assert "## Su puntaje" in score and f"Respuestas correctas: 0 de {total} (0%)" in score
        assert "Todavía no aprobó" in score
        no_english(score, "Your score", "right", "pass mark", "Not passed yet")
        await pilot.press("r")
        await pilot.pause()
        review = result.query_one("#review", Prose).source
        assert "## Lo que no acerté" in review and "Una respuesta correcta:" in review
        assert "Por qué importa" in review
        no_english(review, "What I missed", "A right answer", "You chose", "Why it matters")
        shown = words(screen_text(app))
        assert "Repasar lo que no acerté" in shown
        no_english(shown, "Review what I missed", "Retry the questions I missed", "Back to course map")


def test_a_right_answer_is_said_once_in_spanish_too() -> None:
    use_language("es")
    question = next(q for q in spanish_course().lesson("addiction-and-change").quiz.questions  # type: ignore[union-attr]
                    if q.id == "just-stop")
    from course.grading import Outcome

    right = next(option.key for option in question.options if option.correct)
    shown = feedback_markdown(Outcome(question, frozenset(right)), reveal=False)
    assert shown.startswith("**✓ Correcto.**")
    assert "Correcto. Como la diabetes" not in shown and "Como la diabetes" in shown


def test_the_record_of_completion_in_spanish(tmp_path: Path) -> None:
    use_language("es")
    made = datetime(2025, 3, 5, 12, tzinfo=UTC)
    lines = (record.RecordLine("Las tres C", "Completada", made, 12, "5 de 6 (83%)"),
             record.RecordLine("A quién llamar", "Sin empezar", None, 0, ""))
    written = record.write(record.Record("Rosa", made, lines), tmp_path / "constancia")
    page, text = (path.read_text(encoding="utf-8") for path in written)
    assert '<html lang="es">' in page
    for shown in (page, text):
        assert "Curso para familias: constancia de finalización" in shown
        assert "5 de marzo de 2025" in shown
        assert "Lecciones terminadas:" in shown and "1 de 2" in shown
        assert "No es un certificado" in shown
        no_english(shown, "record of completion", "Name", "Made on", "Lessons finished", "March", "certificate")
    assert "<th>Lección</th>" in page and "<th>Mejor puntaje de la prueba</th>" in page
    assert "- Las tres C: Completada, terminada el 5 de marzo de 2025, prueba 5 de 6 (83%), 12 min" in text


def test_a_record_made_in_english_stays_english(tmp_path: Path) -> None:
    made = datetime(2025, 3, 5, 12, tzinfo=UTC)
    english = record.Record("Jo", made, (record.RecordLine("Three Cs", "Done", made, 3, ""),))
    use_language("es")  # saved later, after the language changed
    page = record.as_html(english)
    assert '<html lang="en">' in page and "5 March 2025" in page and "Lessons finished:</strong> 1 of 1" in page


def test_a_guest_is_a_visitante_in_spanish() -> None:
    assert GuestLearner().name == "Guest"
    use_language("es")
    assert GuestLearner().name == "Visitante"


async def test_the_cards_screen_saves_the_spanish_cards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    app, store, pid = spanish_app(tmp_path)
    store.save_journal(pid, "boundaries-and-self-care", "boundaries-and-self-care/3/1",
                       "What is one boundary you could keep, even on a hard day?", "No le doy dinero")
    async with app.run_test(size=(80, 24)) as pilot:
        app.learner = StoredLearner(store, pid, "Rosa")
        await app.push_screen(CardsScreen(tmp_path / "tarjetas", personal=True))
        await pilot.pause()
        shown = words(screen_text(app))
        assert "Tarjetas para imprimir" in shown and "Su plan de seguridad:" in shown
        no_english(shown, "Cards to print", "Your safety plan", "Save cards", "Fill in my answers")
        target = tmp_path / "mis tarjetas"
        app.screen.query_one("#cards-folder", Input).value = str(target)
        await pilot.click("#save-cards")
        await pilot.pause()
        assert "Primero elija" in str(app.screen.query_one("#cards-status").render())
        await pilot.press("1")
        await pilot.click("#save-cards")
        await pilot.pause()
        status = str(app.screen.query_one("#cards-status").render())
        assert "Sus palabras están en: Mi límite." in status
        no_english(status, "Your words are on", "If others use this computer")
    boundary = (target / "boundary.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in boundary and "Mi límite" in boundary and "No le doy dinero" in boundary
    assert "Tarjetas de Family Course" in (target / "all-cards.html").read_text(encoding="utf-8")
