"""Coming back: a finished lesson stays finished, and a quiz carries on where it was left (or where it crashed)."""

from __future__ import annotations

from pathlib import Path

from course.learner import StoredLearner
from course.store import Store
from course.ui.screens.course_map import CourseMapScreen
from course.ui.screens.quiz import QuizResultScreen, QuizScreen, begin_quiz
from course.ui.screens.reader import ReaderScreen
from tests.ui.helpers import make_app, small_course

SIZE = (80, 24)


async def test_reading_a_finished_lesson_again_keeps_it_finished(tmp_path: Path) -> None:
    course = small_course(tmp_path / "content")
    store = Store(tmp_path / "data")
    pid = store.create_profile("Ana")
    store.save_lesson_state(pid, "sample-lesson", step=2, status="done")
    app = make_app(tmp_path, store, course)
    async with app.run_test(size=SIZE) as pilot:
        app.learner = StoredLearner(store, pid, "Ana")
        await app.push_screen(CourseMapScreen())
        await pilot.press("home", "enter")  # the first lesson: finished, read again from its first step
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("n", "escape")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        assert "Done" in str(app.screen.query_one("#lessons").get_option_at_index(0).prompt)
    assert store.lesson_state(pid, "sample-lesson").status == "done"


async def test_a_quiz_left_after_one_answer_carries_on_at_the_next(tmp_path: Path) -> None:
    course = small_course(tmp_path / "content")
    store = Store(tmp_path / "data")
    pid = store.create_profile("Ana")
    app = make_app(tmp_path, store, course)
    async with app.run_test(size=SIZE) as pilot:
        app.learner = StoredLearner(store, pid, "Ana")
        await app.push_screen(CourseMapScreen())
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen) and app.screen.position == 0
        await pilot.press("1", "c", "escape")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        assert "1 of 2 answered" in str(app.screen.query_one("#lessons").get_option_at_index(0).prompt)
        await pilot.press("q")
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        assert str(quiz.query_one("#question-count").render()) == "Question 2 of 2"
        await pilot.press("2", "c", "n")
        await pilot.pause()
        assert isinstance(app.screen, QuizResultScreen)
        assert len(app.screen.attempt.outcomes) == 2  # the answer given before leaving counts
    assert store.open_quiz(pid, "sample-lesson") is None  # the result closes the attempt
    assert len(store.quiz_results(pid)) == 1


async def test_after_a_crash_the_same_attempt_carries_on(tmp_path: Path) -> None:
    course = small_course(tmp_path / "content")
    store = Store(tmp_path / "data")
    pid = store.create_profile("Ana")
    learner = StoredLearner(store, pid, "Ana")
    quiz = course.lessons[0].quiz
    learner.start_quiz("sample-lesson", [q.id for q in quiz.questions], [])
    learner.record_answer("sample-lesson", "first", ["b"], True)  # then the power went
    app = make_app(tmp_path, store, course)
    async with app.run_test(size=SIZE) as pilot:
        app.learner = learner
        await app.push_screen(begin_quiz(app, course.lessons[0]))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen) and screen.position == 1
        assert screen.attempt.outcomes["first"].correct


async def test_an_attempt_answered_to_the_end_shows_its_score(tmp_path: Path) -> None:
    course = small_course(tmp_path / "content")
    store = Store(tmp_path / "data")
    pid = store.create_profile("Ana")
    learner = StoredLearner(store, pid, "Ana")
    quiz = course.lessons[0].quiz
    learner.start_quiz("sample-lesson", [q.id for q in quiz.questions], [])
    for question in quiz.questions:
        learner.record_answer("sample-lesson", question.id, [question.options[0].key], question.options[0].correct)
    app = make_app(tmp_path, store, course)
    async with app.run_test(size=SIZE) as pilot:
        app.learner = learner
        await app.push_screen(begin_quiz(app, course.lessons[0]))
        await pilot.pause()
        assert isinstance(app.screen, QuizResultScreen)
    assert len(store.quiz_results(pid)) == 1 and store.open_quiz(pid, "sample-lesson") is None


async def test_journal_edits_in_my_progress_are_kept_when_leaving(tmp_path: Path) -> None:
    from textual.widgets import TextArea

    from course.ui.screens.progress import ProgressScreen

    store = Store(tmp_path / "data")
    pid = store.create_profile("Ana")
    store.save_journal(pid, "sample-lesson", "sample-lesson/2/1", "What would you like to try?", "first words")
    app = make_app(tmp_path, store)
    async with app.run_test(size=SIZE) as pilot:
        app.learner = StoredLearner(store, pid, "Ana")
        await app.push_screen(ProgressScreen())
        await pilot.pause()
        app.screen.query_one("#entry-text", TextArea).text = "first words, and more"
        await pilot.press("escape")  # no Save pressed
        await pilot.pause()
    assert [entry.text for entry in store.journal(pid)] == ["first words, and more"]
