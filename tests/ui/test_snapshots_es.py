"""SVG snapshots of the home screens in Spanish at 80x24, with the built-in Spanish lessons: no English words, nothing
cut off, the keys and crisis help in view. Each was looked at as a picture when it was accepted.

Regenerate after a deliberate change with ``pytest tests/ui/test_snapshots_es.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from course.config import Settings
from course.content.library import Courses
from course.store import Store
from course.ui.home.app import HomeApp
from course.ui.screens.quiz import begin_quiz
from course.ui.screens.reader import ReaderScreen
from tests.ui.test_snapshots import (
    Setup,
    about,
    course_map,
    crisis,
    help_screen,
    new_profile,
    progress,
    quiz_feedback,
    settings,
    welcome,
)


async def reader_journal(pilot: Pilot) -> None:
    """The first step of lesson 1 with a journal prompt, Tab pressed and a few words typed: the box in view."""
    app = pilot.app
    lesson = app.course.lessons[0]
    app.learner = app.profiles.learner(app.store.profiles()[0].id, "Ana")
    reader = ReaderScreen(lesson)
    await app.push_screen(reader)
    await pilot.pause()
    await reader.show_step(next(step.index for step in lesson.steps if step.reflections), save=False)
    await pilot.pause(0.3)
    await pilot.press("tab")
    await pilot.pause(0.3)
    await pilot.press(*"Puedo preguntar")


async def quiz_review(pilot: Pilot) -> None:
    """Every question of lesson 1's quiz answered with option 1, then R: the review of what was missed."""
    app = pilot.app
    lesson = app.course.lessons[0]
    app.learner = app.profiles.learner(app.store.profiles()[0].id, "Ana")
    await app.push_screen(begin_quiz(app, lesson))
    assert lesson.quiz is not None
    for _question in lesson.quiz.questions:
        await pilot.pause(0.2)
        await pilot.press("1", "c")
        await pilot.pause(0.2)
        await pilot.press("n")
    await pilot.pause(0.3)
    await pilot.press("r")


STATES: dict[str, Setup] = {
    "welcome": welcome,
    "new_profile": new_profile,
    "about": about,
    "course_map": course_map,
    "reader_journal": reader_journal,
    "quiz_feedback": quiz_feedback,
    "quiz_review": quiz_review,
    "progress": progress,
    "settings": settings,
    "help": help_screen,
    "crisis": crisis,
}


@pytest.fixture(scope="module")
def spanish() -> Courses:
    courses = Courses()
    courses["es"]
    return courses


@pytest.mark.parametrize("state", STATES)
def test_spanish_screen_snapshot(snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spanish: Courses,
                                 state: str) -> None:
    monkeypatch.setenv("HOME", "/home/family")
    store = Store(tmp_path / "data")
    store.create_profile("Ana")
    store.set_preference(store.profiles()[0].id, "language", "es")
    store.create_profile("Sam", pin="2468")
    app = HomeApp(spanish, store, Settings(), tmp_path / "data", language="es")

    async def run_before(pilot: Pilot) -> None:
        pilot.app.animation_level = "none"  # the journal box is scrolled into view at once, not over time
        await STATES[state](pilot)
        await pilot.pause(0.3)
        for box in pilot.app.screen.query("Input, TextArea"):
            box.cursor_blink = False
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
