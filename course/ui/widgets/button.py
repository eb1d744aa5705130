"""The app's button: Textual's Button, styled by app.tcss alone."""

from __future__ import annotations

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
