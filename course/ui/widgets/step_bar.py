"""How far through a lesson the reader is, drawn as one line of text.

Textual's ProgressBar is three widgets with their own timers; opening a lesson spent about a sixth of its time
on it. This is one widget. Steps done and steps to come are drawn with different marks (heavy and light lines),
so the bar reads the same without colour (NO_COLOR).
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

DONE, TO_COME = "━", "─"


def bar_marks(done: int, total: int, width: int) -> tuple[int, int]:
    """How many of ``width`` cells show steps done and steps to come, for ``done`` of ``total`` steps."""
    if width <= 0:
        return 0, 0
    if total <= 0:
        return 0, width
    filled = round(width * min(max(done, 0), total) / total)
    return filled, width - filled


class StepBar(Widget):
    COMPONENT_CLASSES = {"step-bar--done", "step-bar--to-come"}

    done: reactive[int] = reactive(0)
    total: reactive[int] = reactive(1)

    def render(self) -> Text:
        filled, rest = bar_marks(self.done, self.total, self.content_size.width)
        return Text.assemble((DONE * filled, self.get_component_rich_style("step-bar--done")),
                             (TO_COME * rest, self.get_component_rich_style("step-bar--to-come")),
                             no_wrap=True, overflow="crop")
