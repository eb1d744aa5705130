"""A family member's whole journey, driven with Pilot: profile, lesson, journal, quiz, retry, resume."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from course.store import Store
from course.ui.screens.course_map import CourseMapScreen
from course.ui.screens.dialogs import NewProfileDialog, PinDialog
from course.ui.screens.quiz import QuizResultScreen, QuizScreen
from course.ui.screens.reader import ReaderScreen
from course.ui.screens.welcome import WelcomeScreen
from course.ui.widgets.prose import Prose
from tests.ui.helpers import make_app, record_notices, small_course

SIZE = (100, 30)


def markdown_text(screen, selector: str) -> str:
    return screen.query_one(selector, Prose).source


async def test_whole_journey_then_resume(tmp_path: Path) -> None:
    course = small_course(tmp_path / "content")
    store = Store(tmp_path / "data")
    app = make_app(tmp_path, store, course)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("n")
        assert isinstance(app.screen, NewProfileDialog)
        await pilot.press(*"Ana")
        app.screen.query_one("#pin", Input).value = "2468"
        app.screen.query_one("#pin2", Input).value = "2468"
        await pilot.click("#create")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)

        await pilot.press("c")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert str(reader.query_one("#step-count").render()) == "Step 1 of 3"
        await pilot.press("right")
        await pilot.pause()
        assert str(reader.query_one("#step-count").render()) == "Step 2 of 3"
        assert "one thing" in markdown_text(reader, "#step-body")
        assert "Ask the group" not in markdown_text(reader, "#step-body")
        box = reader.query_one(TextArea)
        box.focus()
        await pilot.press(*"Call my sister")
        await pilot.click("#next")
        await pilot.pause(0.3)  # a button ignores Enter while its click effect (0.2 s) is showing
        assert str(reader.query_one("#step-count").render()) == "Step 3 of 3"
        await pilot.press("enter")  # Finish lesson
        await pilot.pause()
        await pilot.press("enter")  # Take the quiz (focused)
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)

        await pilot.press("1", "c")  # a wrong answer
        await pilot.pause()
        feedback = markdown_text(quiz, "#feedback")
        assert "Not quite" in feedback and "Silence misses a chance" in feedback
        await pilot.press("c")  # next question
        await pilot.pause()
        await pilot.press("1", "2", "c")  # choose all that apply: right
        await pilot.pause()
        assert "Right" in markdown_text(quiz, "#feedback")
        await pilot.press("c")
        await pilot.pause()
        result = app.screen
        assert isinstance(result, QuizResultScreen)
        assert "1 of 2 right (50%)" in markdown_text(result, "#score")
        assert "Not passed yet" in markdown_text(result, "#score")

        await pilot.press("r")
        await pilot.pause()
        review = markdown_text(result, "#review")
        assert "First question" in review and "A right answer" in review and "Second question" not in review

        await pilot.press("t")
        await pilot.pause()
        retry = app.screen
        assert isinstance(retry, QuizScreen)
        assert str(retry.query_one("#question-count").render()) == "Retry question 1 of 1"
        await pilot.press("2", "c", "c")
        await pilot.pause()
        assert "2 of 2 right (100%)" in markdown_text(app.screen, "#score")
        assert "You passed" in markdown_text(app.screen, "#score")
        await pilot.press("ctrl+q")

    profile = store.profiles()[0]
    answers = store.answers(profile.id)
    assert [(a.question_id, a.choices, a.correct) for a in answers] == [
        ("first", ("a",), False), ("second-question", ("a", "b"), True), ("first", ("b",), True)]
    assert [e.text for e in store.journal(profile.id)] == ["Call my sister"]
    assert store.lesson_state(profile.id, "sample-lesson").status == "done"
    assert store.best_quiz_result(profile.id, "sample-lesson").percent == 100

    # Tomorrow: a new app on the same data, the PIN, and the map shows the result.
    again = make_app(tmp_path, Store(tmp_path / "data"), course)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, PinDialog)
        await pilot.press(*"1111", "enter")
        await pilot.pause()
        assert "not right" in str(again.screen.query_one("#pin-error").render())
        await pilot.press(*"2468", "enter")
        await pilot.pause()
        assert isinstance(again.screen, CourseMapScreen)
        lessons = again.screen.query_one("#lessons")
        first = str(lessons.get_option_at_index(0).prompt)
        assert "Done" in first and "Best quiz 100% (passed)" in first
        assert "Start: Second Lesson" in str(again.screen.query_one("#continue").label)


async def test_leaving_mid_lesson_resumes_at_same_step(tmp_path: Path) -> None:
    course = small_course(tmp_path / "content")
    store = Store(tmp_path / "data")
    pid = store.create_profile("Sam")
    app = make_app(tmp_path, store, course)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the only profile, no PIN
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert str(app.screen.query_one("#step-count").render()) == "Step 2 of 3"
    # The app ended without leaving the lesson (as when a terminal is closed): the step was saved on arrival.
    assert store.lesson_state(pid, "sample-lesson").step == 1
    again = make_app(tmp_path, Store(tmp_path / "data"), course)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert "Continue: A Sample Lesson, step 2 of 3" in str(again.screen.query_one("#continue").label)
        await pilot.press("c")
        await pilot.pause()
        assert str(again.screen.query_one("#step-count").render()) == "Step 2 of 3"


async def test_checking_before_choosing_says_what_to_do_and_saves_nothing(tmp_path: Path) -> None:
    course = small_course(tmp_path / "content")
    store = Store(tmp_path / "data")
    store.create_profile("Ana")
    app = make_app(tmp_path, store, course)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.push_screen(QuizScreen(course.lessons[0]))
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        notices = record_notices(app)
        await pilot.click("#check")
        await pilot.pause()
        assert notices == ["Choose an answer first."]
        assert not quiz.answered and not quiz.query_one("#feedback").display
        await pilot.press("1", "c")
        await pilot.pause()
        assert quiz.answered and quiz.query_one("#feedback").display
    assert [a.question_id for a in store.answers(store.profiles()[0].id)] == ["first"]
