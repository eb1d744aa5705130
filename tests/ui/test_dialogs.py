"""The forms: Enter in a box or OK submits, Enter in the new-profile form moves on first, Escape cancels."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widgets import Input

from course.ui.screens.dialogs import NewProfileDialog, PinDialog
from tests.ui.helpers import make_app


class Host(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.results: list[object] = []

    def ask(self, dialog) -> None:
        self.push_screen(dialog, self.results.append)


async def test_new_profile_enter_moves_from_box_to_box_then_creates() -> None:
    app = Host()
    async with app.run_test() as pilot:
        app.ask(NewProfileDialog())
        await pilot.pause()
        await pilot.press(*"Ana", "enter")
        assert app.focused is app.screen.query_one("#pin", Input)
        await pilot.press(*"2468", "enter")
        assert app.focused is app.screen.query_one("#pin2", Input)
        await pilot.press(*"2468", "enter")
        await pilot.pause()
        app.ask(NewProfileDialog())
        await pilot.pause()
        await pilot.press(*"Sam", "enter", "enter")  # an empty PIN box: no PIN, created at once
        await pilot.pause()
        app.ask(NewProfileDialog())
        await pilot.pause()
        await pilot.press(*"Lee", "escape")
        await pilot.pause()
    assert app.results == [("Ana", "2468", "en"), ("Sam", None, "en"), None]


async def test_new_profile_language_is_chosen_with_one_key_or_a_click(tmp_path: Path) -> None:
    app = make_app(tmp_path)  # the course's own styles: each language on one line
    results: list[object] = []
    async with app.run_test(size=(80, 24)) as pilot:
        # the language offered first: the one the course was started in
        app.push_screen(NewProfileDialog(language="es"), results.append)
        await pilot.pause()
        await pilot.press(*"Rosa", "enter", "enter")
        await pilot.pause()
        app.push_screen(NewProfileDialog(), results.append)
        await pilot.pause()
        await pilot.press(*"Ana", "tab")  # Tab from the name reaches the language
        assert app.focused is not None and app.focused.parent is app.screen.query_one("#language")
        await pilot.press("right", "space", "tab", "enter")
        await pilot.pause()
        app.push_screen(NewProfileDialog(language="es"), results.append)
        await pilot.pause()
        await pilot.press(*"Sam")
        await pilot.click("#language LanguageOption")  # English, with the mouse
        await pilot.click("#create")
        await pilot.pause()
    assert results == [("Rosa", None, "es"), ("Ana", None, "es"), ("Sam", None, "en")]


async def test_the_language_is_one_tab_stop_and_arrows_choose(tmp_path: Path) -> None:
    """As a group of radio buttons: Tab from the name reaches the language chosen, Right chooses the next one, and
    the next Tab goes on to the PIN box (so digits typed there are not lost on the other language)."""
    app = make_app(tmp_path)
    results: list[object] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(NewProfileDialog(language="en"), results.append)
        await pilot.pause()
        await pilot.press(*"Ana", "tab", "right")
        assert app.focused is not None and getattr(app.focused, "key", None) == "es"
        await pilot.press("tab", *"1234")
        assert app.focused is not None and app.focused.id == "pin"
        await pilot.press("shift+tab")
        assert getattr(app.focused, "key", None) == "es"  # back on the language chosen, not the other one
        await pilot.press("left")
        assert getattr(app.focused, "key", None) == "en"
        await pilot.press("tab", "tab", *"1234", "enter")
        await pilot.pause()
    assert results == [("Ana", "1234", "en")]


async def test_pin_dialog_keeps_asking_until_right_or_cancelled() -> None:
    app = Host()
    async with app.run_test() as pilot:
        app.ask(PinDialog("PIN for Ana", lambda pin: None if pin == "1234" else "That PIN is not right."))
        await pilot.pause()
        await pilot.press(*"9999", "enter")
        await pilot.pause()
        assert "not right" in str(app.screen.query_one("#pin-error").render())
        assert app.results == []
        await pilot.press(*"1234")
        await pilot.click("#ok")
        await pilot.pause()
        app.ask(PinDialog("PIN for Sam", lambda pin: None))
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == ["1234", None]
