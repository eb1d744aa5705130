"""What the course is and is not: opened from the welcome screen with A."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal
from textual.screen import Screen
from textual.widgets import Markdown

from course.content.texts import about_text
from course.ui.navigation import leave
from course.ui.widgets.button import Button
from course.ui.widgets.crisis_line import CrisisLine
from course.ui.widgets.footer import KeyFooter


class AboutScreen(Screen[None]):
    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        with Center():
            yield Markdown(about_text(), open_links=False, classes="reading")
        with Horizontal(classes="buttons"):
            yield Button("Back", id="back", variant="primary")
        yield CrisisLine()
        yield KeyFooter()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        leave(self)
