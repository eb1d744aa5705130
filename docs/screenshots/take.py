"""Make the README's screenshots from the real course, at 100x30: python docs/screenshots/take.py"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from course.config import Settings
from course.content import load_course
from course.learner import StoredLearner
from course.store import Store
from course.ui.app import CourseApp
from course.ui.screens.course_map import CourseMapScreen
from course.ui.screens.quiz import begin_quiz
from course.ui.screens.reader import ReaderScreen

HERE = Path(__file__).resolve().parent
SIZE = (100, 30)


async def take() -> None:
    course = load_course()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder))
        pid = store.create_profile("Maria")
        app = CourseApp(course, store, Settings(), Path(folder))
        async with app.run_test(size=SIZE) as pilot:
            app.learner = StoredLearner(store, pid, "Maria")
            lesson = course.lessons[0]
            step = next(n for n, s in enumerate(lesson.steps) if s.reflections)
            reader = ReaderScreen(lesson)
            await app.push_screen(reader)
            await pilot.pause()
            await reader.show_step(step, save=False)
            await pilot.press("tab", *"I could ask her on Sunday, when we are both calm.")
            await pilot.pause(0.5)
            (HERE / "reader.svg").write_text(app.export_screenshot(title="Family Course"), encoding="utf-8")
            app.pop_screen()
            await pilot.pause()
            await app.push_screen(begin_quiz(app, lesson))
            await pilot.press("1", "c")
            await pilot.pause(0.5)
            (HERE / "quiz-feedback.svg").write_text(app.export_screenshot(title="Family Course"), encoding="utf-8")
            app.pop_screen()
            await app.push_screen(CourseMapScreen())
            await pilot.pause(0.5)
            (HERE / "course-map.svg").write_text(app.export_screenshot(title="Family Course"), encoding="utf-8")
        store.close()


if __name__ == "__main__":
    asyncio.run(take())
