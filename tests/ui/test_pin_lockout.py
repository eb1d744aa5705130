"""A profile's PIN box says the wrong-PIN wait as the staff PIN boxes do (course.pin_wait), and a wrong PIN the
same way when opening the profile and when deleting its data."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from course.learner import StoredLearner
from course.services.profiles import WRONG_PIN
from course.store import Store, pins
from course.ui.screens.course_map import CourseMapScreen
from course.ui.screens.dialogs import PinDialog
from tests.ui.helpers import make_app

LOCKED = "Too many wrong PINs. Please wait 30 seconds before trying again."


@pytest.fixture(autouse=True)
def still_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pins, "clock", lambda: 1_000_000.0)


async def type_pin(pilot, pin: str) -> str:
    dialog = pilot.app.screen
    assert isinstance(dialog, PinDialog)
    dialog.query_one("#pin", Input).value = pin
    await pilot.press("enter")
    await pilot.pause()
    return str(dialog.query_one("#pin-error", Static).render())


async def test_opening_a_profile(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    store.create_profile("Ray", pin="1357")
    app = make_app(tmp_path, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(pins.FREE_TRIES):
            assert await type_pin(pilot, "0000") == WRONG_PIN
        assert await type_pin(pilot, "1357") == LOCKED


async def test_deleting_ones_data(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    pid = store.create_profile("Ray", pin="1357")
    app = make_app(tmp_path, store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.learner = StoredLearner(store, pid, "Ray")
        await app.push_screen(CourseMapScreen())
        await pilot.press("s")
        await pilot.pause()
        await pilot.click("#delete")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        for _ in range(pins.FREE_TRIES):
            assert await type_pin(pilot, "0000") == WRONG_PIN
        assert await type_pin(pilot, "1357") == LOCKED
    assert store.profiles()
