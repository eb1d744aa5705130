"""What the course is and is not: opened from the welcome screen with A."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from course.content.texts import about_text
from course.i18n import N_, _, current_language
from course.ui.keys import KeyHelp, Other
from course.ui.navigation import leave
from course.ui.screen import CourseScreen
from course.ui.widgets.button import Button
from course.ui.widgets.crisis_line import CrisisLine
from course.ui.widgets.footer import KeyFooter
from course.ui.widgets.prose import Prose


class AboutScreen(CourseScreen[None]):
    """The text scrolls on its own, from its top; the button, the crisis line and the key bar stay in view."""

    CSS_PATH = "about.tcss"
    BINDINGS = [Binding("escape", "leave", N_("Back"), tooltip=N_("back"))]
    KEY_HELP = KeyHelp(N_("About this course"), BINDINGS,
                       before=(Other("up,down,pageup,pagedown,home,end", N_("scroll")),))
    HELP = KEY_HELP.markdown()
    AUTO_FOCUS = "#about-page"  # the text, so the arrow keys scroll it

    def compose(self) -> ComposeResult:
        title, _nl, text = about_text(current_language()).partition("\n")
        with Vertical(id="about"):
            yield Static(title.lstrip("# "), classes="page-title", markup=False)
            with VerticalScroll(id="about-page"), Vertical(classes="reading"):
                yield Prose(text.strip())
            with Horizontal(classes="buttons"):
                yield Button(_("Back"), id="back", variant="primary")
        yield CrisisLine()
        yield KeyFooter()

    def action_leave(self) -> None:
        leave(self)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        leave(self)
