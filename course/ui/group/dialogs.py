"""Small forms for group mode: a name, a profile to add, a lesson to present and the session's language."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from course.content.model import Lesson
from course.group.notes import group_minutes
from course.i18n import LANGUAGES, N_, NAMES, _, next_language, ngettext
from course.ui.group.screen import GroupModal
from course.ui.literal import literal
from course.ui.screens.dialogs import CANCEL, FormDialog
from course.ui.widgets.button import Button


class NameDialog(FormDialog[str | None]):
    """One line of text; ``check`` returns the cleaned text or raises ValueError with a message."""

    def __init__(self, title: str, label: str, check: Callable[[str], str], *, value: str = "",
                 note: str = "", max_length: int = 60, ok: str = "") -> None:
        super().__init__()
        self.title_text, self.label, self.check = title, label, check
        # Translators: the button that accepts a form
        self.value, self.note, self.max_length, self.ok = value, note, max_length, ok or _("OK")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="page-title", markup=False)
            if self.note:
                yield Static(self.note, classes="muted", markup=False)
            yield Label(self.label)
            yield Input(self.value, max_length=self.max_length, id="name")
            yield Static("", id="name-error", classes="error-text", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.ok, id="ok", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def submit(self) -> None:
        try:
            self.dismiss(self.check(self.query_one("#name", Input).value))
        except ValueError as problem:
            self.query_one("#name-error", Static).update(str(problem))


class PickDialog(GroupModal[str | None]):
    """Choose one item from a list; returns its id."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), tooltip=CANCEL)]

    def __init__(self, title: str, items: Sequence[tuple[str, Content | str]], *, note: str = "") -> None:
        super().__init__()
        self.title_text, self.items, self.note = title, items, note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick-dialog"):
            yield Static(self.title_text, classes="page-title", markup=False)
            if self.note:
                yield Static(self.note, classes="muted", markup=False)
            yield OptionList(*(Option(prompt, id=key) for key, prompt in self.items), id="pick")
            with Horizontal(classes="buttons"):
                # Translators: a button that takes the highlighted item of a list
                yield Button(_("Choose"), id="ok", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        options = self.query_one("#pick", OptionList)
        options.highlighted = 0 if self.items else None
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            option = self.query_one("#pick", OptionList).highlighted_option
            if option is not None:
                self.dismiss(option.id)
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def lesson_items(lessons: Sequence[Lesson]) -> list[tuple[str, Content | str]]:
    """Each lesson's title with the plan of a session on it: "(about 75 min, quiz of 8)"."""
    items: list[tuple[str, Content | str]] = []
    for lesson in lessons:
        minutes = group_minutes(lesson)
        if lesson.quiz:
            count = len(lesson.quiz.questions)
            length = ngettext("(about {minutes} min, quiz of {count})", "(about {minutes} min, quiz of {count})",
                              count).format(minutes=minutes, count=count)
        else:
            length = _("(about {minutes} min)").format(minutes=minutes)
        items.append((lesson.id, Content.assemble(literal(lesson.title), ("  " + length, "italic"))))
    return items


class SessionDialog(GroupModal[tuple[str, str] | None]):
    """Today's session: its lesson, and the language it is presented in (the projector, the lesson and the notes
    window). Returns (lesson id, language), or None.

    The language starts as ``language`` (the app's, from --lang); **L** (or a click on the languages) changes it,
    and the lessons' titles are then shown in it.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), tooltip=CANCEL),
        # Translators: a key that changes the language of a group session
        Binding("l", "next_language", N_("Language"), tooltip=N_("change the language of this session")),
    ]

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick-dialog session-dialog"):
            yield Static(_("Which lesson today?"), classes="page-title")
            yield Static("", id="session-language")
            yield Static(_("The projector, the lesson and your notes follow this language."), classes="muted",
                         id="session-language-note")
            yield OptionList(id="pick")
            with Horizontal(classes="buttons"):
                # Translators: a button that starts a group session on the highlighted lesson
                yield Button(_("Start session"), id="ok", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#pick", OptionList).focus()

    def fill(self) -> None:
        """The language chosen, and the lessons with their titles in it; the same lesson stays highlighted."""
        choices = "   ".join(f"[b]\u25cf {NAMES[code]}[/b]" if code == self.language else f"\u25cb {NAMES[code]}"
                               for code in LANGUAGES)  # filled and empty circles: the choice shows without colour
        self.query_one("#session-language", Static).update(
            # Translators: {choices} is the list of languages, the chosen one marked; L is the key
            _("Language:  {choices}     [b]L[/b] changes it").format(choices=choices))
        options = self.query_one("#pick", OptionList)
        was = options.highlighted
        options.clear_options()
        lessons = self.app.courses[self.language].lessons if self.app.courses is not None else []
        options.add_options(Option(prompt, id=key) for key, prompt in lesson_items(lessons))
        options.highlighted = min(was or 0, len(lessons) - 1) if lessons else None

    def action_next_language(self) -> None:
        self.language = next_language(self.language)
        self.fill()

    def on_click(self, event: events.Click) -> None:
        """A click on the languages changes the language too."""
        if event.widget is not None and event.widget.id == "session-language":
            self.action_next_language()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss((event.option.id, self.language))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            option = self.query_one("#pick", OptionList).highlighted_option
            if option is not None and option.id:
                self.dismiss((option.id, self.language))
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
