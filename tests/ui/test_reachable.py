"""At 80x24, everything on every home screen can be reached by keyboard, as a person at the smallest window would.

Two rules, checked on every screen of the home app and on every step of every shipped lesson:
- every widget that can take the focus can be brought fully into view with the keys the screen offers (Tab, and
  for a journal box the prompt above it too);
- every area that scrolls can be scrolled to its very end with the keyboard (Page Down, End, Down).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

from course.content import load_course
from course.learner import StoredLearner
from course.store import Store
from course.ui.app import CourseApp
from course.ui.screens.quiz import begin_quiz
from course.ui.screens.reader import ReaderScreen, ReflectionBox
from tests.ui.helpers import make_app

SIZE = (80, 24)
SCROLL_KEYS = ("pagedown", "end", "down")
MOST_PRESSES = 60


def fully_shown(screen: Screen, widget: Widget) -> bool:
    """True if the whole of ``widget`` is on screen: not clipped by the window or by a scrolling parent."""
    try:
        geometry = screen.find_widget(widget)
    except Exception:  # not on screen at all
        return False
    return geometry.visible_region == geometry.region and geometry.region.area > 0


def cut_off(screen: Screen) -> list[Widget]:
    """Widgets that stick out of a parent that cannot scroll: what sticks out can never be seen."""
    found = []
    for widget in screen.query("*"):
        parent = widget.parent
        if not widget.display or not isinstance(parent, Widget) or parent.allow_vertical_scroll:
            continue
        try:
            inner, outer = screen.find_widget(widget).region, screen.find_widget(parent).region
        except Exception:  # not laid out on screen (hidden, or scrolled out of a scrolling grandparent)
            continue
        if inner.area and inner.bottom > outer.bottom:
            found.append(widget)
    return found


def scrollables(screen: Screen) -> list[Widget]:
    return [w for w in screen.query("*") if w.display and w.is_scrollable and w.allow_vertical_scroll
            and w.max_scroll_y > 0]


async def scroll_to_end(pilot: Pilot, area: Widget) -> bool:
    """Press the scrolling keys, as a person would, until ``area`` is at its end; Tab to it if it needs the focus."""
    screen = pilot.app.screen
    for _ in range(len(screen.focus_chain) + 1):
        for key in SCROLL_KEYS:
            for _ in range(MOST_PRESSES):
                before = area.scroll_y
                await pilot.press(key)
                await pilot.pause()
                if area.scroll_y >= area.max_scroll_y:
                    return True
                if area.scroll_y == before:
                    break
            if pilot.app.screen is not screen:
                return False
        await pilot.press("tab")
        await pilot.pause()
    return area.scroll_y >= area.max_scroll_y


async def tab_to(pilot: Pilot, widget: Widget) -> bool:
    screen = pilot.app.screen
    for _ in range(len(screen.focus_chain) + 2):
        if screen.focused is widget:
            return True
        await pilot.press("tab")
        await pilot.pause()
    return screen.focused is widget


async def check_screen(pilot: Pilot, where: str) -> list[str]:
    """Every problem on the shown screen, in words."""
    screen = pilot.app.screen
    problems = [f"{where}: {widget!r} is cut off by {widget.parent!r}, which cannot scroll"
                for widget in cut_off(screen)]
    for area in scrollables(screen):
        area.scroll_home(animate=False)
        await pilot.pause()
        if not await scroll_to_end(pilot, area):
            problems.append(f"{where}: {area!r} cannot be scrolled to its end by keyboard")
    for widget in list(screen.focus_chain):
        if not await tab_to(pilot, widget):
            problems.append(f"{where}: {widget!r} cannot be reached with Tab")
            continue
        await pilot.pause()
        await pilot.pause()
        shown = widget
        box = next((a for a in widget.ancestors if isinstance(a, ReflectionBox)), None)
        if box is not None:
            shown = box  # a journal box shows with its prompt
        if not fully_shown(screen, shown):
            problems.append(f"{where}: {shown!r} is not fully in view when it has the focus")
    return problems


# -- the screens of the home app -----------------------------------------------------------------------------------

Setup = Callable[[Pilot], Awaitable[None]]


def signed_in(app: CourseApp) -> None:
    store = app.store
    app.learner = StoredLearner(store, store.profiles()[0].id, "Ana")


async def quiz_with_feedback(pilot: Pilot) -> None:
    signed_in(pilot.app)
    await pilot.app.push_screen(begin_quiz(pilot.app, pilot.app.course.lessons[0]))
    await pilot.press("1", "c")


async def review(pilot: Pilot) -> None:
    signed_in(pilot.app)
    app = pilot.app
    lesson = app.course.lessons[0]
    await app.push_screen(begin_quiz(app, lesson))
    for _ in lesson.quiz.questions:  # the first answer of every question: most of them wrong
        await pilot.press("1", "c")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
    await pilot.press("r")


async def open_screen(pilot: Pilot, keys: tuple[str, ...]) -> None:
    await pilot.press(*keys)


SCREENS: dict[str, Setup] = {
    "welcome": lambda pilot: pilot.pause(),
    "new profile": lambda pilot: open_screen(pilot, ("n",)),
    "about": lambda pilot: open_screen(pilot, ("a",)),
    "help": lambda pilot: open_screen(pilot, ("question_mark",)),
    "crisis help": lambda pilot: open_screen(pilot, ("f2",)),
    "course map": lambda pilot: open_screen(pilot, ("enter",)),
    "my progress": lambda pilot: open_screen(pilot, ("enter", "p")),
    "settings": lambda pilot: open_screen(pilot, ("enter", "s")),
    "quiz feedback": quiz_with_feedback,
    "quiz review": review,
}


@pytest.fixture(scope="module")
def shipped_course():
    return load_course()


@pytest.mark.parametrize("name", list(SCREENS))
async def test_every_home_screen_is_reachable_by_keyboard(tmp_path: Path, name: str, shipped_course) -> None:
    store = Store(tmp_path / "data")
    pid = store.create_profile("Ana")
    store.save_journal(pid, shipped_course.lessons[0].id, "prompt", "A question?",
                       "\n".join(f"Line {n} of a long journal entry." for n in range(30)))
    app = make_app(tmp_path, store, shipped_course)
    app.animation_level = "none"  # scrolling jumps: the test waits for no animation
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await SCREENS[name](pilot)
        await pilot.pause()
        assert await check_screen(pilot, name) == []


async def test_every_step_of_every_lesson_is_reachable_by_keyboard(tmp_path: Path, shipped_course) -> None:
    """The reader's keys on every step: End (and Page Down) reach the end of the step; Tab brings each journal
    box, with its prompt, fully into view; Escape goes back to the text."""
    store = Store(tmp_path / "data")
    pid = store.create_profile("Ana")
    app = make_app(tmp_path, store, shipped_course)
    app.animation_level = "none"  # scrolling jumps: the test waits for no animation
    problems: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.learner = StoredLearner(store, pid, "Ana")
        for lesson in shipped_course.lessons:
            reader = ReaderScreen(lesson)
            await app.push_screen(reader)
            await pilot.pause()
            page = reader.query_one("#page")
            for number in range(len(lesson.steps)):
                where = f"{lesson.id} step {number + 1}"
                await reader.show_step(number, save=False)
                await pilot.pause()
                if reader.focused is not page:
                    problems.append(f"{where}: the text does not have the focus")
                    page.focus()
                await pilot.press("end")
                if page.scroll_y < page.max_scroll_y:
                    problems.append(f"{where}: End does not reach the end of the step")
                await pilot.press("home")
                await pilot.press("pagedown")
                if page.max_scroll_y and page.scroll_y == 0:
                    problems.append(f"{where}: Page Down does not scroll the step")
                boxes = [box for box in reader.query(ReflectionBox) if box.display]
                for box in boxes:
                    await pilot.press("tab")
                    await pilot.pause()
                    if not box.has_focus_within:
                        problems.append(f"{where}: Tab does not reach a journal box")
                    elif not fully_shown(reader, box):
                        problems.append(f"{where}: a journal box with the focus is not fully in view")
                if boxes:
                    await pilot.press("escape")
                    if reader.focused is not page:
                        problems.append(f"{where}: Escape in a journal box does not go back to the text")
            app.pop_screen()
            await pilot.pause()
    assert problems == []


async def test_next_shows_the_rest_of_a_long_step_before_moving_on(tmp_path: Path, shipped_course) -> None:
    store = Store(tmp_path / "data")
    pid = store.create_profile("Ana")
    app = make_app(tmp_path, store, shipped_course)
    app.animation_level = "none"
    lesson = shipped_course.lessons[0]
    async with app.run_test(size=SIZE) as pilot:
        app.learner = StoredLearner(store, pid, "Ana")
        reader = ReaderScreen(lesson)
        await app.push_screen(reader)
        await pilot.pause()
        page = reader.query_one("#page")
        long_step = 0
        while not await shown_taller(reader, pilot, long_step):
            long_step += 1
        await pilot.press("n")
        assert reader.index == long_step and page.scroll_y > 0  # paged down, still on the step
        for _ in range(20):
            if reader.index != long_step:
                break
            await pilot.press("n")
        assert reader.index == long_step + 1 and page.scroll_y == 0


async def shown_taller(reader: ReaderScreen, pilot: Pilot, number: int) -> bool:
    await reader.show_step(number, save=False)
    await pilot.pause()
    return reader.query_one("#page").max_scroll_y > 0
