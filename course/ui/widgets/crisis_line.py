"""The one line of crisis help shown at the bottom of the main screens."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widgets import Static

from course.content.texts import crisis_line
from course.i18n import N_, _, current_language

# Translators: the keys that open crisis help, after the crisis line ("More help: F2 or !")
CRISIS_KEYS = N_("F2 or !")
# After the crisis line, the keys for more help: the longest form that fits the width. The crisis line itself
# (988 and 911) always shows whole; the Spanish one is long, so at 80 columns a shorter form is used.
HINTS = (
    # Translators: after the one line of crisis help; {keys} is "F2 or !"
    N_("More help: {keys}"),
    # Translators: a shorter "More help: {keys}", used when the line has little room
    N_("More: {keys}"),
)
GAP = "  "


def crisis_hint_line(width: int | None = None, key_label: str | None = None) -> str:
    """The crisis line in the language shown now, then the keys for more help in the longest form that fits in
    ``width`` cells (the first when ``width`` is None): "More help: F2 or !", "More: F2 or !", "F2 or !", "F2";
    the crisis line alone if none fits."""
    line = crisis_line(current_language())
    keys = _(CRISIS_KEYS) if key_label is None else key_label
    forms = [_(hint).format(keys=keys) for hint in HINTS] + [keys, keys.split()[0] if keys.split() else ""]
    for form in forms:
        text = f"{line}{GAP}{form}"
        if form and (width is None or Content(text).cell_length <= width):
            return text
    return line


class CrisisLine(Static):
    """``key_label``: the keys named after the line (by default "F2 or !", translated)."""

    def __init__(self, key_label: str | None = None) -> None:
        super().__init__("", markup=False, classes="crisis-line")
        self.key_label = key_label

    def render(self) -> Content:
        width = self.content_size.width
        return Content(crisis_hint_line(width if width > 0 else None, self.key_label))

    async def on_click(self, event: events.Click) -> None:
        """A click, or a tap on a touchscreen (which has no F2), opens crisis help, and only that."""
        event.stop()
        await self.app.run_action("crisis")
