"""Keys in Windows Terminal and macOS Terminal.

Both pass F2, F10 and Ctrl+Q to the program (Textual turns off the terminal's own use of Ctrl+Q). On a Mac the top
row of keys dims the screen, plays music and so on unless fn is held, so an action on an F-key alone is hard to find
there: each also needs a letter key or something to click.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

from textual.binding import Binding

import course.ui
from course.ui.app import CourseApp
from course.ui.screens.help import CrisisScreen
from course.ui.widgets.button import Button
from course.ui.widgets.footer import KeyFooter
from tests.kiosk.helpers import SIZE, kiosk_app
from tests.ui.helpers import make_app

F_KEY = re.compile(r"f([1-9]|1[0-9]|2[0-4])")
KNOWN_F_KEY_ACTIONS = {"crisis", "finish_visit"}  # each checked below for another way to reach it


def every_binding() -> list[tuple[str, Binding]]:
    """(class, binding) for every binding declared by a class in course.ui, one per key."""
    found = []
    for info in pkgutil.walk_packages(course.ui.__path__, "course.ui."):
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if inspect.isclass(cls) and cls.__module__ == module.__name__ and "BINDINGS" in vars(cls):
                found += [(cls.__qualname__, b) for b in Binding.make_bindings(vars(cls)["BINDINGS"])]
    return found


def test_the_f_key_actions_are_the_ones_checked_here() -> None:
    on_f_keys = {b.action for _, b in every_binding() if F_KEY.fullmatch(b.key)}
    assert on_f_keys == KNOWN_F_KEY_ACTIONS, (
        "A new action on an F-key: give it a letter key or a button too (macOS needs fn for F-keys), "
        "then add it to KNOWN_F_KEY_ACTIONS with a test below"
    )


async def test_the_kiosk_finish_key_has_a_finish_button(tmp_path: Path) -> None:
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space")  # start a visit: the list of lessons
        await pilot.pause()
        assert app.kiosk is not None and app.kiosk.guest is not None
        assert "Finish" in str(app.screen.query_one("#finish", Button).label)
        await pilot.click("#finish")
        await pilot.pause()
        assert app.kiosk.guest is None  # the visit was cleared, as F10 does


async def test_crisis_help_opens_with_a_click_on_the_key_bar(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        line = str(footer.render())
        x = line.index("Crisis help")
        assert footer.key_at(x).key == "f2"
        await pilot.click(KeyFooter, offset=(x, 0))
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)


def test_crisis_help_also_has_a_key_that_is_not_an_f_key() -> None:
    keys = [b.key for b in Binding.make_bindings(CourseApp.BINDINGS) if b.action == "crisis"]
    assert [key for key in keys if not F_KEY.fullmatch(key)], keys
