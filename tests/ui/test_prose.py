"""Lesson text (course/ui/widgets/prose.py): one renderer for every mode, drawn the way the lessons need it."""

from __future__ import annotations

from pathlib import Path

from textual.color import Color
from textual.content import Content
from textual.widgets import Markdown, Static

from course.content import ContentDir, load_course
from course.group.roster import add_new_member, today
from course.store import Store
from course.ui import themes
from course.ui.group.notes_screen import NotesScreen
from course.ui.group.presenter_screen import PresenterScreen, step_markdown
from course.ui.widgets.prose import Prose, markdown_lines
from tests.group.helpers import group_app

DIALOGUE = '> You: "Would you sign a release?"\n>\n> Your daughter: "I don\'t know."\n>\n> You: "That\'s fair."'


def plain(source: str, width: int = 60) -> list[str]:
    content, height = markdown_lines(source, width)
    lines = content.plain.split("\n")
    assert len(lines) == height
    return [line.rstrip() for line in lines]


def test_paragraphs_of_a_block_quote_keep_a_blank_line_between_them() -> None:
    """A dialogue in a quote stays one turn per paragraph, as outside a quote (Rich alone runs them together)."""
    assert plain(DIALOGUE) == ['▌ You: "Would you sign a release?"', "▌", '▌ Your daughter: "I don\'t know."', "▌",
                               '▌ You: "That\'s fair."']


def test_a_one_paragraph_quote_is_unchanged() -> None:
    assert plain("Before.\n\n> Just one line.\n\nAfter.") == ["Before.", "", "▌ Just one line.", "", "After."]


def test_headings_are_drawn_on_the_left_like_the_text() -> None:
    """Rich centres a level-1 heading; the reading column is read from its left edge, so every heading is there."""
    for level in ("#", "##", "###"):
        first = plain(f"{level} A heading\n\nSome text.")[0]
        assert first == "A heading", level


def test_numbered_lists_keep_the_full_stop_of_their_numbers() -> None:
    assert plain("1. Call 911.\n2. Give naloxone.") == [" 1. Call 911.", " 2. Give naloxone."]
    assert plain("- one\n- two") == [" • one", " • two"]


EVERYTHING = ("# Title\n\n## Part\n\n### Smaller\n\nText with **bold**, *italic*, `code`, ~~struck~~ and "
              "[a link](https://example.org).\n\n> A quote\n>\n> with two paragraphs.\n\n- a bullet\n- another\n\n"
              "1. first\n2. second\n\n| Level | Where |\n| --- | --- |\n| IOP | At home |\n\n---\n\n"
              "```\nfamily-course group --notes\n```\n\n    indented code\n")


def test_no_colour_is_set_by_the_text_itself() -> None:
    """Every element is drawn in the widget's colours (so the theme, high contrast and NO_COLOR apply): only
    bold, italic, underline and the like come from the Markdown."""
    content, _ = markdown_lines(EVERYTHING, 60)
    coloured = [(content.plain[span.start:span.end], span.style) for span in content.spans
                if not isinstance(span.style, str) and (span.style.foreground or span.style.background)]
    assert coloured == []
    assert "family-course group --notes" in content.plain


def test_links_are_shown_as_their_text() -> None:
    """A link is never opened from the course: its words are shown, and its address after them, to type."""
    assert plain("Call [the helpline](https://988lifeline.org) now.") == [
        "Call the helpline (https://988lifeline.org) now."]


async def test_the_projector_draws_a_step_as_the_reader_does(tmp_path: Path) -> None:
    """Group mode shows a lesson's text with the reader's renderer (no Textual Markdown widget on the projector)."""
    course = load_course([ContentDir.shipped()])
    lesson = course.lesson("talking-so-it-helps")
    index = next(n for n, step in enumerate(lesson.steps) if "\n> " in step.body)
    step = lesson.steps[index]
    store = Store(tmp_path / "data")
    gid = store.create_group("Tuesday evening family group")
    add_new_member(store, gid, "Ana")
    store.start_session(gid, lesson.id, today())
    session = store.sessions(gid)[0]
    app = group_app(course, store, lambda: PresenterScreen(session, lesson))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, PresenterScreen)
        for _ in range(index):
            await pilot.press("right")
        await pilot.pause()
        assert not screen.query(Markdown)
        assert str(screen.query_one("#p-title", Static).render()) == step.title
        body = screen.query_one("#p-body", Prose)
        assert body.source == step_markdown(lesson, index)
        assert body.render() == markdown_lines(body.source, body.content_size.width)[0]


def colour_of(content: Content, text: str) -> Color | None:
    """The foreground colour the first ``text`` in ``content`` is drawn in, if one is set."""
    start = content.plain.index(text)
    for span in content.spans:
        if span.start <= start < span.end and not isinstance(span.style, str) and span.style.foreground:
            return span.style.foreground
    return None


def near(colour: Color | None, other: Color) -> bool:
    """The same colour, give or take the rounding of a colour conversion."""
    return colour is not None and all(abs(a - b) <= 2 for a, b in zip(colour.rgb, other.rgb, strict=True))


async def test_the_looks_come_from_app_tcss_and_follow_the_theme(tmp_path: Path) -> None:
    """Headings and the bar beside a quote are drawn in the theme's main colour, whichever theme is chosen."""
    store = Store(tmp_path / "data")
    app = group_app(load_course([ContentDir.shipped()]), store, NotesScreen)
    async with app.run_test(size=(100, 30)) as pilot:
        body = app.screen.query_one("#n-body", Prose)
        body.show("## A heading\n\nSome text.\n\n> A quote")
        for theme in (themes.DARK, themes.CONTRAST, themes.LIGHT):
            app.theme = theme
            await pilot.pause()
            drawn = body.render()
            assert isinstance(drawn, Content)
            primary = Color.parse(app.current_theme.primary)
            assert near(colour_of(drawn, "A heading"), primary), theme
            assert near(colour_of(drawn, "\u258c"), primary), theme
            assert colour_of(drawn, "Some text") is None and colour_of(drawn, "A quote") is None
