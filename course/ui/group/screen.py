"""The typed base of group mode's screens: to the type checker, ``self.app`` is the group app (its desk and gate).

As in ``course.ui.screen``, nothing changes at run time, and the app is imported for the type checker only.
``KeyLine`` is the line of keys under a group screen, which goes on to a second line rather than being cut.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.screen import ScreenResultType
from textual.widgets import Static

from course.ui.screen import CourseModal, CourseScreen

if TYPE_CHECKING:
    from textual import getters

    from course.ui.group.app import GroupApp


class GroupScreen(CourseScreen[ScreenResultType]):
    if TYPE_CHECKING:
        app = getters.app(GroupApp)


class GroupModal(CourseModal[ScreenResultType]):
    if TYPE_CHECKING:
        app = getters.app(GroupApp)


KEY_SEP = " \u00b7 "  # between the keys of a line made by course.ui.keys.key_line


def fit_keys(line: str, width: int, sep: str = KEY_SEP) -> str:
    """``line`` of keys (separated by ``sep``) on as many lines of ``width`` cells as it needs, each key whole."""
    lines: list[str] = []
    for item in line.split(sep):
        if lines and len(lines[-1]) + len(sep) + len(item) <= width:
            lines[-1] += sep + item
        else:
            lines.append(item)
    return "\n".join(lines)


class KeyLine(Static):
    """A line of keys under a group screen. When the keys do not fit on one line (a translation is often longer
    than the English, and the room's projector may be only 80 columns wide), they go on to a second line between
    two keys, never inside one, instead of being cut off."""

    def __init__(self, line: str = "", *, sep: str = KEY_SEP, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(line, id=id, classes=classes, markup=False)
        self.line, self.sep = line, sep

    def show(self, line: str) -> None:
        self.line = line
        self.update(fit_keys(line, self.size.width, self.sep) if self.size.width else line)

    def on_resize(self, event: events.Resize) -> None:
        self.update(fit_keys(self.line, event.size.width, self.sep))
