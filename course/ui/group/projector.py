"""What the projected screens share: publishing the shown state, the blank screen, the theme key, finishing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from course.group.shown import Shown
from course.store.errors import StoreError
from course.ui import themes


def publish(app, shown: Shown) -> None:
    """Tell the notes screen (another process) what the room sees now."""
    try:
        app.store.set_presenter(shown.to_state())
    except StoreError as error:
        app.report_store_error(error)


def next_theme(app) -> None:
    names = list(themes.LABELS)
    current = names.index(app.theme) if app.theme in names else -1
    app.apply_theme(names[(current + 1) % len(names)])
    app.notify(f"Theme: {themes.LABELS[app.theme]}", timeout=2, markup=False)


class BlankScreen(Screen[None]):
    """Nothing at all on the projector until B (or Escape) is pressed."""

    CSS_PATH = "projector.tcss"
    HELP = "**Blank screen**\n\nThe room sees nothing. Press **B** or **Escape** to show the lesson again."
    BINDINGS = [Binding("b,escape", "unblank", "Show again", show=False)]

    def compose(self) -> ComposeResult:
        yield Static("", id="blank")

    def on_mount(self) -> None:
        self.app.clear_notifications()  # nothing at all, not even a passing message

    def action_unblank(self) -> None:
        self.dismiss()
