"""The one line of crisis help shown at the bottom of the main screens."""

from __future__ import annotations

from textual import events
from textual.widgets import Static

from course.content.texts import CRISIS_LINE


class CrisisLine(Static):
    def __init__(self, key_label: str = "F2 or !") -> None:
        super().__init__(f"{CRISIS_LINE}  More help: {key_label}", markup=False, classes="crisis-line")

    async def on_click(self, event: events.Click) -> None:
        """A click, or a tap on a touchscreen (which has no F2), opens crisis help, and only that."""
        event.stop()
        await self.app.run_action("crisis")
