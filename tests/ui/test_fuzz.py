"""Mashing keys and pasting into every screen, at home and in the kiosk: nothing may crash.

Keys arrive in bursts, as from a paste or a child at the keyboard: each burst is sent without waiting for the
app to catch up, so that work a screen puts off (until after a refresh, or a timer) can find the screen gone.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual import events

from course.store import Store
from course.ui.app import CourseApp
from tests.kiosk.helpers import kiosk_app, shipped_course
from tests.ui.helpers import make_app

KEYS_PER_RUN = 10_000
BURST = 40
# Every key a person can press on these screens, letters of each screen's keys included. Quitting keys are left
# out at home (they end the run); the kiosk swallows them, so they are in.
HOME_KEYS = [*"abcdefghijklmnopqrstuvwxyz0123456789 ?", "enter", "escape", "tab", "shift+tab", "up", "down",
             "left", "right", "pageup", "pagedown", "home", "end", "backspace", "delete", "f2", "f1"]
KIOSK_KEYS = [*HOME_KEYS, "f10", "ctrl+q", "ctrl+c", "ctrl+z", "ctrl+o"]
PASTES = ["x" * 13_000, "1234\n" * 200, "[bold]markup[/] \x1b[31m escape \x1b[0m", "line one\nline two\n" * 50,
          "🙂 李 é" * 100]


def key_event(key: str) -> events.Key:
    character = key if len(key) == 1 else {"enter": "\r", "tab": "\t", "escape": "\x1b", "backspace": "\x7f",
                                           "space": " "}.get(key)
    name = {"?": "question_mark", " ": "space"}.get(key, key)
    return events.Key(name, character)


async def mash(app: CourseApp, pilot, keys: list[str], chance: random.Random, count: int) -> int:
    """Send up to ``count`` keys (and now and then a paste) in bursts; return how many were sent."""
    sent = 0
    while sent < count and app.is_running:
        if chance.random() < 0.02:
            app.screen.post_message(events.Paste(chance.choice(PASTES)))
        for _ in range(BURST):
            app.post_message(key_event(chance.choice(keys)))
        sent += BURST
        await pilot.pause()
    return sent


@pytest.mark.parametrize("seed", [1])
async def test_mashing_keys_at_home_never_crashes(tmp_path: Path, seed: int) -> None:
    store = Store(tmp_path / "data")
    store.create_profile("Ana")
    chance = random.Random(seed)
    sent = 0
    while sent < KEYS_PER_RUN:  # the Quit button may be pressed: the course is then started again
        app = make_app(tmp_path, store, shipped_course())
        app.animation_level = "none"
        async with app.run_test(size=(80, 24)) as pilot:
            sent += await mash(app, pilot, HOME_KEYS, chance, KEYS_PER_RUN - sent)
        # run_test raises here any exception the app met while the keys were pressed
        assert app.return_code in (None, 0)


@pytest.mark.parametrize("seed", [1])
async def test_mashing_keys_in_the_kiosk_never_crashes(tmp_path: Path, seed: int) -> None:
    app = kiosk_app(tmp_path)
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await mash(app, pilot, KIOSK_KEYS, random.Random(seed), KEYS_PER_RUN)
        assert app.is_running, "the kiosk stopped"
    # run_test raises here any exception the app met (an unexpected error ends a kiosk app; serve starts another)
    assert app.return_code is None and app.kiosk.ended_by is None


def test_screens_defer_work_only_through_after_refresh() -> None:
    """Deferred work that could outlive its screen goes through course.ui.deferred, which drops it then."""
    ui = Path(__file__).resolve().parents[2] / "course" / "ui"
    direct = [str(path.relative_to(ui)) for path in ui.rglob("*.py")
              if path.name != "deferred.py" and "call_after_refresh(" in path.read_text("utf-8")]
    assert direct == []
