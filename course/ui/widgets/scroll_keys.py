"""Keys that scroll a screen's one long area wherever the focus is (a button, say): help, crisis help, results."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.dom import DOMNode

SCROLL_BINDINGS = [
    Binding("up", "scroll(-1)", show=False),
    Binding("down", "scroll(1)", show=False),
    Binding("pageup", "scroll(-10)", show=False),
    Binding("pagedown", "scroll(10)", show=False),
    Binding("home", "scroll_edge(0)", show=False),
    Binding("end", "scroll_edge(1)", show=False),
]


class ScrollKeys:
    """Mixed into a screen (before Screen), with ``SCROLL_BINDINGS`` in its BINDINGS.

    ``SCROLL_AREA`` is the selector of the area the keys scroll.
    """

    SCROLL_AREA = ""

    def _area(self) -> ScrollableContainer:
        # A plain mixin, not a DOMNode: Textual's CSS type selectors follow the first DOMNode base (Screen's).
        assert isinstance(self, DOMNode)
        return self.query_one(self.SCROLL_AREA, ScrollableContainer)

    def action_scroll(self, lines: int) -> None:
        self._area().scroll_relative(y=lines, animate=False)

    def action_scroll_edge(self, end: int) -> None:
        area = self._area()
        if end:
            area.scroll_end(animate=False)
        else:
            area.scroll_home(animate=False)
