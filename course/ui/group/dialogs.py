"""Small forms for group mode: a name, a profile to add, a lesson to present."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from course.content.model import Lesson
from course.group.notes import group_minutes
from course.ui.group.screen import GroupModal
from course.ui.literal import literal
from course.ui.screens.dialogs import CANCEL, FormDialog
from course.ui.widgets.button import Button


class NameDialog(FormDialog[str | None]):
    """One line of text; ``check`` returns the cleaned text or raises ValueError with a message."""

    def __init__(self, title: str, label: str, check: Callable[[str], str], *, value: str = "",
                 note: str = "", max_length: int = 60, ok: str = "OK") -> None:
        super().__init__()
        self.title_text, self.label, self.check = title, label, check
        self.value, self.note, self.max_length, self.ok = value, note, max_length, ok

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
                yield Button("Cancel", id="cancel")

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

    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip=CANCEL)]

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
                yield Button("Choose", id="ok", variant="primary")
                yield Button("Cancel", id="cancel")

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
    items: list[tuple[str, Content | str]] = []
    for lesson in lessons:
        quiz = f", quiz of {len(lesson.quiz.questions)}" if lesson.quiz else ""
        length = f"  (about {group_minutes(lesson)} min{quiz})"
        items.append((lesson.id, Content.assemble(literal(lesson.title), (length, "italic"))))
    return items
