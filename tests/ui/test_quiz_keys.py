"""Quiz keys pressed faster than the screen redraws still mean what they say."""

from __future__ import annotations

from pathlib import Path

from textual import events

from course.learner import StoredLearner
from course.store import Store
from course.ui.screens.quiz import QuizScreen, begin_quiz
from tests.ui.helpers import make_app, small_course


async def test_a_choice_and_check_in_one_burst_check_that_choice(tmp_path: Path) -> None:
    course = small_course(tmp_path / "content")
    store = Store(tmp_path / "data")
    pid = store.create_profile("Ana")
    app = make_app(tmp_path, store, course)
    async with app.run_test(size=(80, 24)) as pilot:
        app.learner = StoredLearner(store, pid, "Ana")
        await app.push_screen(begin_quiz(app, course.lessons[0]))
        await pilot.pause()
        for key, character in (("2", "2"), ("c", "c")):  # sent together, as from a fast typist or a paste
            app.post_message(events.Key(key, character))
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.answered
    assert [answer.choices for answer in store.answers(pid)] == [("b",)]
