"""A small course and a fresh store for driving the app in tests."""

from __future__ import annotations

from pathlib import Path

from course.config import Settings
from course.content import ContentDir, load_course
from course.content.model import Course
from course.store import Store
from course.ui.app import CourseApp
from course.ui.home.app import HomeApp
from tests.content.fixtures import LESSON, QUIZ, make_content

SECOND_LESSON = (LESSON.replace("id: sample-lesson", "id: second-lesson").replace("order: 1", "order: 2")
                 .replace("title: A Sample Lesson", "title: Second Lesson").replace("# A Sample Lesson",
                                                                                    "# Second Lesson"))


def small_course(root: Path) -> Course:
    make_content(root, LESSON, QUIZ)
    make_content(root, SECOND_LESSON, QUIZ.replace("lesson: sample-lesson", "lesson: second-lesson"),
                 lesson_name="02-second-lesson.md", quiz_name="second-lesson.md")
    (root / "lessons" / "03-broken.md").write_text("---\nid: broken\n", encoding="utf-8")
    return load_course([ContentDir.of(root)])


def make_app(tmp_path: Path, store: Store | None = None, course: Course | None = None) -> HomeApp:
    course = course or small_course(tmp_path / "content")
    store = store or Store(tmp_path / "data")
    return HomeApp(course, store, Settings(), tmp_path / "data")


def record_notices(app: CourseApp) -> list[str]:
    """Keep every message the app shows with ``notify`` from now on (and still show it)."""
    shown: list[str] = []
    notify = app.notify

    def recording(message: str, *args, **kwargs):
        shown.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = recording  # type: ignore[method-assign]
    return shown
