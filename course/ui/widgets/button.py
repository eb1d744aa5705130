"""The app's button: Textual's Button, styled by app.tcss alone."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Button as TextualButton


class Button(TextualButton, inherit_css=False):
    """Textual's Button without its own style sheet.

    Textual's button styles cover five variants, two looks and ANSI themes; parsing them took a tenth of the time
    to the first screen. The app uses the default look with the default, primary and error variants, and app.tcss
    holds exactly those rules, as Textual 8 writes them. The class keeps the name Button, so CSS and queries that
    name Button still find it.
    """


class MouseButton(Button, can_focus=False):
    """A button for the mouse only, where keys shown in the key bar do the same (the lesson reader's)."""


def relabel(button: TextualButton, label: str) -> None:
    """Give ``button`` a new label, and its width with it when the label's width changes (Textual lays a button
    out again only when told: a longer label, as Spanish labels often are, would be cut short)."""
    before = Content.from_text(button.label).cell_length
    button.label = label
    if Content.from_text(label).cell_length != before:
        button.refresh(layout=True)
