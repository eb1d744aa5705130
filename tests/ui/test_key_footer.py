"""The key bar: what it shows, when it repaints, and what a click on a key does."""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import ModalScreen, Screen
from textual.widgets import Button

import course.ui
from course.store import Store
from course.ui.kiosk.screens import AttractScreen
from course.ui.widgets.footer import KeyFooter
from tests.kiosk.helpers import FakeClock, kiosk_app
from tests.ui import test_console_font as fonts
from tests.ui.helpers import make_app

APP_CSS = Path(course.ui.__file__).parent / "app.tcss"  # the key bar's real styles


class Keys(Screen[None]):
    BINDINGS = [
        Binding("n", "next", "Next"),
        Binding("right", "next", "Next"),  # the same action: only its first key is shown
        Binding("p", "back", "Back"),
        Binding("x", "secret", "Secret", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.done: list[str] = []
        self.back_allowed = True

    def compose(self) -> ComposeResult:
        yield Button("First", id="first")
        yield Button("Second", id="second")
        yield KeyFooter()

    def action_next(self) -> None:
        self.done.append("next")

    def action_back(self) -> None:
        self.done.append("back")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "back" and not self.back_allowed else True


class KeysApp(App[None]):
    CSS_PATH = APP_CSS

    def __init__(self) -> None:
        super().__init__()
        self.bells = 0
        self.simulated: list[str] = []

    def bell(self) -> None:
        self.bells += 1

    def simulate_key(self, key: str) -> None:
        self.simulated.append(key)
        super().simulate_key(key)

    def on_mount(self) -> None:
        self.push_screen(Keys())


def _line(app: App) -> str:
    return str(app.screen.query_one(KeyFooter).render())


async def test_shows_the_first_key_of_each_shown_action() -> None:
    app = KeysApp()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        line = _line(app)
        assert " n Next " in line
        assert " p Back " in line
        assert "right" not in line.lower() and "→" not in line
        assert "Secret" not in line


async def test_clicking_a_key_presses_it() -> None:
    app = KeysApp()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        start = _line(app).index(" p Back")
        await pilot.click(KeyFooter, offset=(start + 2, 0))
        await pilot.pause()
        assert app.screen.done == ["back"] and app.simulated == ["p"]
        assert footer.key_at(start + 2).key == "p"
        assert footer.key_at(59) is None  # past the last key: nothing


async def test_a_disabled_key_is_drawn_dim_and_a_click_on_it_does_nothing() -> None:
    app = KeysApp()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.back_allowed = False
        screen.refresh_bindings()
        await pilot.pause()
        footer = screen.query_one(KeyFooter)
        text = footer.render()
        start = str(text).index(" p Back")
        dims = [span for span in text.spans if "dim" in str(span.style) and span.start <= start < span.end]
        assert dims, "the disabled key is not dimmed"
        await pilot.click(KeyFooter, offset=(start + 2, 0))
        await pilot.pause()
        assert screen.done == []
        assert app.simulated == [] and app.bells == 1  # the key is not pressed; the bell says why


async def test_repaints_only_when_what_it_shows_changes() -> None:
    app = KeysApp()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        screen = app.screen
        footer = screen.query_one(KeyFooter)
        repaints: list[bool] = []
        original = footer.refresh

        def counting_refresh(*args, **kwargs):
            repaints.append(True)
            return original(*args, **kwargs)

        footer.refresh = counting_refresh  # type: ignore[method-assign]
        assert screen.focused is screen.query_one("#first")
        screen.query_one("#second").focus()  # a focus change refreshes the bindings, which stay the same
        await pilot.pause()
        assert screen.focused is screen.query_one("#second")
        assert repaints == []
        screen.back_allowed = False
        screen.refresh_bindings()
        await pilot.pause()
        assert repaints, "the bar did not repaint when a key was disabled"


async def test_the_key_under_the_mouse_is_highlighted_and_shows_a_hand() -> None:
    app = KeysApp()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        plain = footer.render()
        start = str(plain).index(" p Back")
        await pilot.hover(KeyFooter, offset=(start + 2, 0))
        await pilot.pause()
        hovered = footer.render()
        hover_colour = footer.get_component_rich_style("key-footer--hover").bgcolor
        lit = [span for span in hovered.spans if span.style.bgcolor == hover_colour]
        assert [span for span in lit if span.start <= start < span.end], "the key under the mouse is not lit"
        assert not [span for span in lit if span.start < start]  # only that key
        assert footer.styles.pointer == "pointer"
        await pilot.hover(KeyFooter, offset=(59, 0))  # past the keys
        await pilot.pause()
        assert footer.styles.pointer == "default"
        assert not [span for span in footer.render().spans if span.style.bgcolor == hover_colour]


# -- on every screen of the course, at 80 columns ------------------------------------------------------------------
def bottom_line(app: App) -> str:
    """The screen's last line as drawn (from a screenshot): the key bar, whatever widget draws it."""
    svg = app.export_screenshot()
    last = app.size.height - 1
    texts = re.findall(rf'<text[^>]*clip-path="url\(#[\w-]*line-{last}\)"[^>]*>([^<]*)</text>', svg)
    return html.unescape("".join(texts)).replace("\xa0", " ")


def offered(screen: Screen[object], action: str) -> bool:
    return any(binding.action == action and binding.show for _, binding, enabled, _ in screen.active_bindings.values()
               if enabled)


async def crisis_and_help_on_the_bar(app: App, setup: Callable[[Pilot], Awaitable[None]]) -> list[str]:
    """What is missing from the bottom line at 80x24 after ``setup``: crisis help always, help when it is offered."""
    async with app.run_test(size=(80, 24)) as pilot:
        await setup(pilot)
        await pilot.pause(0.3)
        screen = app.screen
        if isinstance(screen, ModalScreen | AttractScreen):
            # Dialogs (help, crisis help, a PIN) cover the bar and say how to close them; the kiosk's start screen
            # has no keys but "any key", and its crisis line says F2.
            return []
        line = bottom_line(app)
        missing = [] if "f2 Crisis help" in line else [f"F2 on {type(screen).__name__}: {line!r}"]
        if offered(screen, "help") and "? Help" not in line:
            missing.append(f"? on {type(screen).__name__}: {line!r}")
        return missing


@pytest.mark.parametrize("state", list(fonts.HOME))
async def test_every_home_screen_shows_crisis_help_and_help_at_80_columns(tmp_path: Path, state: str,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/family")
    store = Store(tmp_path / "data")
    store.create_profile("Ana")
    store.create_profile("Sam", pin="2468")
    assert await crisis_and_help_on_the_bar(make_app(tmp_path, store), fonts.HOME[state]) == []


@pytest.mark.parametrize("state", list(fonts.KIOSK))
async def test_every_kiosk_screen_shows_crisis_help_and_help_at_80_columns(tmp_path: Path, state: str) -> None:
    assert await crisis_and_help_on_the_bar(kiosk_app(tmp_path, clock=FakeClock()), fonts.KIOSK[state]) == []


async def test_a_crowded_bar_keeps_crisis_help_help_and_the_ways_out() -> None:
    """Keys that do not fit are left out from the end of the bar, never crisis help, help or the way back."""

    class Crowded(Keys):
        BINDINGS = [Binding("f2", "crisis", "Crisis help"), Binding("question_mark", "help", "Help"),
                    *(Binding(key, f"do_{key}", f"A long description for {key}") for key in "abcdef"),
                    Binding("escape", "leave", "Back to the map")]

    class CrowdedApp(App[None]):
        CSS_PATH = APP_CSS

        def on_mount(self) -> None:
            self.push_screen(Crowded())

    app = CrowdedApp()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        line = _line(app)
        assert line.startswith(" f2 Crisis help  ? Help ")
        assert "esc Back to the map" in line and "A long description for f" not in line
        assert len(line.rstrip()) <= 80
