"""Shown instead of a squeezed layout when the terminal is smaller than the course needs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from course.content.texts import crisis_line
from course.i18n import _, current_language
from course.ui.screen import CourseScreen

MIN_WIDTH, MIN_HEIGHT = 80, 24


class TooSmallScreen(CourseScreen[None]):
    CSS_PATH = "too_small.tcss"

    def compose(self) -> ComposeResult:
        bigger = _("Please make this window bigger.")
        needs = _("The course needs at least {columns} columns and {rows} rows. Drag a corner of the window, or make "
                  "the text smaller (often Ctrl and minus).").format(columns=MIN_WIDTH, rows=MIN_HEIGHT)
        yield Static(f"{bigger}\n\n{needs}\n\n{crisis_line(current_language())}", markup=False, id="too-small")
