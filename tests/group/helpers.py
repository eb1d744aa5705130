"""Starting group-mode screens in a Pilot app, and reading what a screen shows."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from textual.screen import Screen

from course.config import Settings
from course.content.model import Course
from course.group import roster
from course.store import Store
from course.ui.app import CourseApp
from course.ui.group.app import GroupApp

SIZE = (100, 30)
LESSON_ID = "sample-lesson"


def group_app(course: Course, store: Store, start: Callable[[], Screen] | None = None, *,
              notes: bool = False) -> GroupApp:
    """Group mode, from its staff PIN screen, or from ``start`` (the screen a test looks at)."""
    return GroupApp(course, store, Settings(), store.data_dir, notes=notes, first=start)


def screen_text(app: CourseApp) -> str:
    """Everything the screen shows, as plain text (from an SVG screenshot)."""
    svg = app.export_screenshot()
    texts = re.findall(r"<text(?![^>]*-title)[^>]*>(.*?)</text>", svg, flags=re.S)  # not the window title
    return html.unescape(" ".join(texts)).replace("\xa0", " ")


def group_with_people(store: Store, *names: str) -> tuple[str, list[str]]:
    gid = store.create_group("Tuesday evening family group")
    return gid, [roster.add_new_member(store, gid, name) for name in names]


async def wait_until(pilot, condition: Callable[[], bool], tries: int = 200) -> bool:
    """Let the app run until ``condition`` holds (no fixed sleeps; gives up after many short pauses)."""
    for _ in range(tries):
        if condition():
            return True
        await pilot.pause(0.02)
    return condition()
