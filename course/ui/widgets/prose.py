"""Lesson text drawn by Rich's Markdown renderer inside one widget.

Textual's Markdown widget builds a widget per block and takes about four times as long to show a new step;
Rich's renderer draws the same Markdown into a single widget, so moving between steps and questions feels
instant. Links are drawn as plain text (never opened), and the colours come from the widget, so every theme
and NO_COLOR apply.
"""

from __future__ import annotations

from rich.console import Console
from rich.markdown import Markdown
from rich.theme import Theme
from textual.widgets import Static

# Rich's default Markdown colours (cyan lists, magenta quotes) ignore the app's theme; these inherit it.
PROSE_THEME = Theme({
    "markdown.list": "none",
    "markdown.item.bullet": "bold",
    "markdown.item.number": "bold",
    "markdown.block_quote": "italic",
    "markdown.code": "bold",
    "markdown.code_block": "none",
    "markdown.h1": "bold",
    "markdown.h2": "bold",
    "markdown.h3": "bold",
    "markdown.h4": "bold italic",
    "markdown.link": "underline",
    "markdown.link_url": "underline",
    "markdown.table.border": "none",
    "markdown.table.header": "bold",
    "markdown.hr": "none",
})


def use_prose_theme(console: Console) -> None:
    console.push_theme(PROSE_THEME)


class Prose(Static):
    """Markdown text in one widget; ``source`` holds the Markdown shown."""

    def __init__(self, source: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.source = ""
        self.show(source)

    def show(self, source: str) -> None:
        self.source = source
        self.update(Markdown(source, hyperlinks=False) if source else "")
