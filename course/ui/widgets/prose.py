"""Lesson text drawn by Rich's Markdown renderer inside one widget.

Textual's Markdown widget builds a widget per block and takes several times as long to show a new step. Here
Rich draws the Markdown once per text and width into plain styled lines, which are cached: measuring and
drawing the widget is then cheap, and the reader prepares the next step's lines while the current one is read.
Links are drawn as plain text (never opened), and colours come from the widget, so every theme and NO_COLOR
apply.
"""

from __future__ import annotations

from functools import lru_cache

from rich.console import Console
from rich.markdown import Markdown
from rich.text import Text
from rich.theme import Theme
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from course.ui import console as console_look

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


@lru_cache(maxsize=512)
def markdown_lines(source: str, width: int) -> tuple[Content, int]:
    """``source`` drawn as Markdown ``width`` cells wide: styled lines and their number, once per text and width."""
    console = Console(width=width, theme=PROSE_THEME, color_system="truecolor", force_terminal=True,
                      legacy_windows=False, emoji=False, highlight=False)
    lines = console.render_lines(Markdown(source, hyperlinks=False), console.options.update_width(width),
                                 pad=False)
    text = Text(no_wrap=True, overflow="crop")
    for number, line in enumerate(lines):
        if number:
            text.append("\n")
        for segment in line:
            if not segment.control:
                text.append(segment.text, segment.style)
    text.rstrip()
    return Content.from_rich_text(text), len(text.plain.split("\n"))


class Prose(Static):
    """Markdown text in one widget; ``source`` holds the Markdown shown."""

    def __init__(self, source: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.source = source

    def show(self, source: str) -> None:
        self.source = console_look.marks(self.app, source)  # marks the console font lacks (course/ui/console.py)
        self.refresh(layout=True)

    def prepare(self, source: str, *, within: int | None = None) -> None:
        """Draw ``source`` now, at this widget's width, so showing it later costs almost nothing.

        A hidden widget has no width yet: pass ``within``, the width of the container it will be shown in.
        """
        width = self.content_size.width
        if within is not None:
            width = within - self.styles.margin.width - self.styles.gutter.width
        if width > 0:
            markdown_lines(console_look.marks(self.app, source), width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return markdown_lines(self.source, width)[1] if self.source and width > 0 else 0

    def render(self) -> Content:
        width = self.content_size.width
        return markdown_lines(self.source, width)[0] if self.source and width > 0 else Content("")
