"""Shown instead of a squeezed layout when the terminal is smaller than the course needs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from course.ui.screen import CourseScreen

MIN_WIDTH, MIN_HEIGHT = 80, 24


class TooSmallScreen(CourseScreen[None]):
    CSS_PATH = "too_small.tcss"

    def compose(self) -> ComposeResult:
        yield Static(
            f"Please make this window bigger.\n\nThe course needs at least {MIN_WIDTH} columns and {MIN_HEIGHT} "
            "rows. Drag a corner of the window, or make the text smaller (often Ctrl and minus).\n\n"
            "In crisis? Call or text 988. In danger now? Call 911.",
            markup=False, id="too-small",
        )
