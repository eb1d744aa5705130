"""Lesson text drawn by Rich's Markdown renderer inside one widget: the one renderer for the course's text.

Every screen that shows lesson or quiz text uses it, in every mode: the reader and the quiz at home and in the
kiosk, the projector's lesson and quiz and the facilitator notes in group mode, the help and about pages. So a
lesson looks the same everywhere, and its styles are in one place: the ``Prose`` rules of app.tcss, which follow the
theme (the step titles, above the text, are styled by each screen's .tcss).

Textual's Markdown widget builds a widget per block and took two to four times as long to show a new step
(docs/performance.md). Here Rich draws the Markdown once per text and width into plain styled lines, which are
cached: measuring and drawing the widget is then cheap, and a screen can draw the next step's lines while the
current one is read. Links are drawn as their text and address (never opened), and colours come from the widget,
so every theme and NO_COLOR apply.
"""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import BlockQuote, CodeBlock, Heading, ListItem, Markdown, MarkdownContext, MarkdownElement
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from rich.theme import Theme
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from course.ui import console as console_look

# How lesson text looks is set in app.tcss, on these component classes (``Prose { .prose--h2 { ... } }``), so it
# follows the theme: Rich's style name for each part of the Markdown -> the component class that styles it.
LOOKS = {
    "markdown.h1": "prose--h1",
    "markdown.h2": "prose--h2",
    "markdown.h3": "prose--h3",
    "markdown.h4": "prose--h4",
    "markdown.block_quote": "prose--quote",
    "markdown.block_quote.bar": "prose--quote-bar",
    "markdown.item.bullet": "prose--bullet",
    "markdown.item.number": "prose--number",
    "markdown.code": "prose--code",
    "markdown.code_block": "prose--code",
    "markdown.link": "prose--link",
    "markdown.link_url": "prose--link",
    "markdown.table.header": "prose--table-header",
    "markdown.table.border": "prose--rule",
    "markdown.hr": "prose--rule",
}
# Rich's own Markdown styles set colours of their own (cyan lists, magenta quotes): none of them is used. What
# is not in LOOKS is plain, but for the emphasis written in the text (bold, italic, struck out).
PLAIN = {**dict.fromkeys(LOOKS, "none"), "markdown.list": "none", "markdown.paragraph": "none",
         "markdown.text": "none", "markdown.em": "italic", "markdown.emph": "italic", "markdown.strong": "bold",
         "markdown.s": "strike", "markdown.h5": "none", "markdown.h6": "none", "markdown.h7": "none",
         "markdown.kbd": "none", "markdown.item": "none"}

Look = tuple[tuple[str, Style], ...]  # Rich's style name and the style app.tcss gives it, for every name in LOOKS


class LeftHeading(Heading):
    """A heading on the left, where the text below it starts (Rich centres a level-1 heading)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        text = self.text.copy()
        text.justify = "left"
        yield text


class SpacedQuote(BlockQuote):
    """A block quote whose paragraphs keep a blank line between them, as they do outside a quote.

    Rich draws a quote's paragraphs one under the other; the lessons quote dialogues, one paragraph per turn.
    """

    def __init__(self) -> None:
        super().__init__()
        self.children = 0

    def on_child_close(self, context: MarkdownContext, child: MarkdownElement) -> bool:
        if self.children:
            self.elements.append(Text())
        self.children += 1
        return super().on_child_close(context, child)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """The quote's lines, each after a bar in a style of its own (Rich draws the bar in the text's style)."""
        bar = Segment("\u258c ", console.get_style("markdown.block_quote.bar", default="none"))
        for line in console.render_lines(self.elements, options.update(width=options.max_width - 2), style=self.style):
            yield bar
            yield from line
            yield Segment("\n")


class NumberedItem(ListItem):
    """A list item whose number has its full stop ("1.", as written), which Rich leaves out."""

    def render_number(self, console: Console, options: ConsoleOptions, number: int,
                      last_number: int) -> RenderResult:
        width = len(f"{last_number}.") + 2
        lines = console.render_lines(self.elements, options.update(width=options.max_width - width), style=self.style)
        style = console.get_style("markdown.item.number", default="none")
        for first, line in enumerate(lines):
            yield Segment(f"{number}.".rjust(width - 1) + " " if first == 0 else " " * width, style)
            yield from line
            yield Segment("\n")


class PlainCodeBlock(CodeBlock):
    """A block of code or commands as plain, indented text (Rich colours it in a theme of its own)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Padding(Text(str(self.text).rstrip(), style="markdown.code_block"), (0, 0, 0, 4))


class LessonMarkdown(Markdown):
    """Rich's Markdown with the elements above."""

    elements: ClassVar[dict[str, type[MarkdownElement]]] = {
        **Markdown.elements, "heading_open": LeftHeading, "blockquote_open": SpacedQuote,
        "list_item_open": NumberedItem, "fence": PlainCodeBlock, "code_block": PlainCodeBlock}


@lru_cache(maxsize=512)
def markdown_lines(source: str, width: int, look: Look = ()) -> tuple[Content, int]:
    """``source`` drawn as Markdown ``width`` cells wide, in ``look`` (plain without it): styled lines and their
    number, once per text, width and look."""
    console = Console(width=width, theme=Theme({**PLAIN, **dict(look)}), color_system="truecolor",
                      force_terminal=True, legacy_windows=False, emoji=False, highlight=False)
    lines = console.render_lines(LessonMarkdown(source, hyperlinks=False), console.options.update_width(width),
                                 pad=False)
    while lines and not "".join(segment.text for segment in lines[0]).strip():
        del lines[0]  # a text that opens with a quote or a list gets a blank line from Rich above it
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
    """Markdown text in one widget; ``source`` holds the Markdown shown. Its looks are in app.tcss (see LOOKS)."""

    COMPONENT_CLASSES = set(LOOKS.values())

    def __init__(self, source: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.source = source

    def look(self) -> Look:
        """The styles app.tcss gives each part of the text, in the current theme (Textual caches each one)."""
        return tuple((name, self.get_component_rich_style(part, partial=True)) for name, part in LOOKS.items())

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
            markdown_lines(console_look.marks(self.app, source), width, self.look())

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return markdown_lines(self.source, width, self.look())[1] if self.source and width > 0 else 0

    def render(self) -> Content:
        width = self.content_size.width
        return markdown_lines(self.source, width, self.look())[0] if self.source and width > 0 else Content("")
