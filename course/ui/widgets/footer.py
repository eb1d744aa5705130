"""The key bar at the bottom of a screen: one widget that draws every key, and repaints only when they change.

Textual's Footer is a container with one widget per key. It starts empty, fills itself after the screen's first
refresh, and rebuilds (and restyles) all of its key widgets whenever the screen's bindings are refreshed, which
happens on every focus change. This bar draws the same keys, in the same colours, as one line of text: it shows
them with the screen's first frame, and a bindings refresh only repaints it, and only if what it shows (the first
key of each action, its text, and whether it is enabled) has changed. Clicking a key presses it, as in Textual's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from course.i18n import _

if TYPE_CHECKING:
    from textual import events
    from textual.screen import Screen


class Shown(NamedTuple):
    """One key as the bar shows it."""

    key: str
    display: str
    description: str
    enabled: bool


# Keys that help whatever the screen: drawn first, so that a narrow window never hides them.
FIRST_ACTIONS = ("crisis", "help")


def keys_shown(screen: Screen) -> tuple[Shown, ...]:
    """The keys for ``screen``: the first shown binding of each action, crisis help and help first. Each key's
    words (its binding's ``description``, marked ``N_``) are in the language shown now."""
    first: dict[str, Shown] = {}
    for _node, binding, enabled, _tooltip in screen.active_bindings.values():
        if binding.show and binding.action not in first:
            description = _(binding.description) if binding.description else ""
            first[binding.action] = Shown(binding.key, screen.app.get_key_display(binding), description, enabled)
    ahead = [first.pop(action) for action in FIRST_ACTIONS if action in first]
    return (*ahead, *first.values())


def key_width(shown: Shown) -> int:
    """How many cells ``shown`` takes in the bar."""
    text = Text(f" {shown.display} ")
    if shown.description:
        text.append(f"{shown.description} ")
    return text.cell_len


# Ways out, kept whatever the width: back (Escape) and quit.
KEPT_KEYS = ("escape", "ctrl+q")


def fitting(keys: tuple[Shown, ...], width: int, *, keep: int = 2) -> tuple[Shown, ...]:
    """The keys that fit in ``width`` cells, whole: rather than cut any key short, keys are left out from the
    end, except the first ``keep`` (crisis help and help) and the ways out (``KEPT_KEYS``), which stay."""
    kept = list(keys)
    while kept and sum(key_width(shown) for shown in kept) > width:
        droppable = [n for n, shown in enumerate(kept) if n >= keep and shown.key not in KEPT_KEYS]
        if not droppable:
            droppable = [len(kept) - 1]
        del kept[droppable[-1]]
    return tuple(kept)


class KeyFooter(Widget, can_focus=False):
    """The screen's keys on one line; its styles are in app.tcss."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description", "key-footer--hover"}

    def __init__(self) -> None:
        super().__init__()
        self._keys: tuple[Shown, ...] = ()
        self._drawn: list[tuple[int, int, Shown]] = []  # each key as last drawn: first cell, cell after it, key
        self._hover: int | None = None  # the key under the mouse

    def on_mount(self) -> None:
        self._keys = keys_shown(self.screen)
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if not screen.app.app_focus or screen is not self.screen:
            return
        keys = keys_shown(screen)
        if keys != self._keys:
            self._keys = keys
            self._hover = None
            self.refresh()

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        hover = Style(bgcolor=self.get_component_rich_style("key-footer--hover").bgcolor)
        text = Text(no_wrap=True, overflow="crop", end="")
        self._drawn = []
        for index, shown in enumerate(fitting(self._keys, self.size.width) if self.size.width else self._keys):
            start = text.cell_len
            text.append(f" {shown.display} ", key_style)
            if shown.description:
                text.append(f"{shown.description} ", description_style)
            if not shown.enabled:
                text.stylize("dim", start)
            if index == self._hover:
                text.stylize(hover, start)
            self._drawn.append((start, text.cell_len, shown))
        return text

    def _index_at(self, x: int) -> int | None:
        for index, (start, end, _shown) in enumerate(self._drawn):
            if start <= x < end:
                return index
        return None

    def key_at(self, x: int) -> Shown | None:
        """The key drawn at column ``x`` of the bar (as it is on screen), if any."""
        index = self._index_at(x)
        return None if index is None else self._drawn[index][2]

    def _set_hover(self, index: int | None) -> None:
        if index != self._hover:
            self._hover = index
            self.styles.pointer = "default" if index is None else "pointer"  # a hand over a key, as on a link
            self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._index_at(event.x))

    def on_leave(self) -> None:
        self._set_hover(None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        shown = self.key_at(event.x)
        if shown is None:
            return
        if shown.enabled:
            self.app.simulate_key(shown.key)
        else:
            self.app.bell()
