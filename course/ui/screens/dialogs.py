"""Small dialogs: a yes/no question, a PIN prompt, a new profile form, and the base of every form."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, NamedTuple, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from course.i18n import LANGUAGES, N_, NAMES, _, current_language
from course.ui.literal import visible
from course.ui.navigation import dismiss
from course.ui.screen import CourseModal
from course.ui.widgets.button import Button
from course.ui.widgets.choices import Choice, ChoiceList

MAX_NAME = 40
CANCEL = N_("close this and change nothing")
ResultType = TypeVar("ResultType")


def valid_pin(pin: str) -> bool:
    return pin_problem(pin) is None


def pin_problem(pin: str) -> str | None:
    """What is wrong with ``pin`` as a profile PIN, in words; None if nothing is."""
    if not (pin.isascii() and pin.isdigit()):
        return _("A PIN is made of digits (0 to 9) only. Please type it again.")
    if not 4 <= len(pin) <= 8:
        return _("A PIN has 4 to 8 digits; this one has {count}. Please type it again.").format(count=len(pin))
    return None


def name_problem(name: str, taken: Collection[str] = ()) -> str | None:
    """What is wrong with ``name`` for a new profile, in words; None if nothing is."""
    if not name:
        return _("Please type a name.")
    if len(name) > MAX_NAME:
        return _("A name can have up to {most} letters; this one has {count}. Please shorten it.").format(
            most=MAX_NAME, count=len(name))
    same = next((other for other in taken if other.casefold() == name.casefold()), None)
    if same is not None:
        return _("There is already a profile called \u201c{name}\u201d on this computer. Please choose another "
                 "name (add an initial, for example), so that each of you finds your own.").format(name=visible(same))
    return None


class ConfirmDialog(CourseModal[bool]):
    AUTO_FOCUS = ".first-focus"  # the first button in the row: focused when shown (no query a quick close breaks)
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), tooltip=CANCEL),
        Binding("left", "app.focus_previous", show=False),  # the arrows move between the two buttons, as Tab does
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, question: str, yes: str = N_("Yes"), no: str = N_("Cancel"), *, danger: bool = False,
                 focus_yes: bool = False) -> None:
        """``question`` is shown as it is given (translated by the caller); ``yes`` and ``no`` may be words
        marked with ``N_``: they are translated here."""
        super().__init__()
        self.question, self.yes, self.no, self.danger = question, yes, no, danger
        self.focus_yes = focus_yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, markup=False)
            with Horizontal(classes="buttons"):
                yes, no = _(self.yes), _(self.no)
                if self.focus_yes:
                    yield Button(yes, id="yes", variant="primary", classes="first-focus")
                    yield Button(no, id="no")
                else:
                    yield Button(no, id="no", variant="primary", classes="first-focus")
                    yield Button(yes, id="yes", variant="error" if self.danger else "default")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        dismiss(self, event.button.id == "yes")

    def action_cancel(self) -> None:
        dismiss(self, False)


class FormDialog(CourseModal[ResultType]):
    """A form: Enter in a box or the OK button calls ``submit``; Cancel or Escape closes it with ``CANCELLED``.

    Subclasses write ``submit`` (and ``next_box`` when Enter should move to the next box first). Textual calls
    a message handler in every class of the hierarchy, so they do not define these handlers again.
    """

    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), tooltip=CANCEL)]
    OK_BUTTON = "ok"
    CANCELLED: Any = None

    def submit(self) -> None:
        raise NotImplementedError

    def next_box(self, box: Input) -> bool:
        """Enter in ``box``: move on to another box and return True, or return False to submit."""
        return False

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not self.next_box(event.input):
            self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == self.OK_BUTTON:
            self.submit()
        else:
            dismiss(self, self.CANCELLED)

    def action_cancel(self) -> None:
        dismiss(self, self.CANCELLED)


class PinDialog(FormDialog[str | None]):
    """Asks for a PIN; the caller checks it and may call ``show_error`` and keep the dialog open."""

    def __init__(self, title: str, check) -> None:
        super().__init__()
        self.title_text = title
        self.check = check  # returns an error message, or None when the PIN is right

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, markup=False, classes="page-title")
            yield Label(_("PIN (4 to 8 digits)"))
            yield Input(password=True, id="pin")
            yield Static("", id="pin-error", classes="error-text", markup=False)
            with Horizontal(classes="buttons"):
                # Translators: a button that checks the PIN typed
                yield Button(_("OK"), id="ok", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    AUTO_FOCUS = "#pin"

    def show_error(self, message: str) -> None:
        self.query_one("#pin-error", Static).update(message)

    def submit(self) -> None:
        pin = self.query_one("#pin", Input).value
        problem = pin_problem(pin) or self.check(pin)
        if problem:
            self.show_error(problem)
            self.query_one("#pin", Input).value = ""
        else:
            dismiss(self, pin)


class NewProfile(NamedTuple):
    """What the new profile form gives: a name, a PIN or None, and the language chosen."""

    name: str
    pin: str | None
    language: str


class LanguageOption(Choice):
    """A language to choose: its mark and its name, without a number (the digit keys choose other things)."""

    def render(self) -> Content:
        return Content.assemble(("(•) " if self.checked else "( ) "), Content(self.text))


class LanguageChoice(ChoiceList):
    """The languages of the interface on one line, each named in its own language. Like a group of radio buttons,
    it is one stop for Tab (the language chosen); Left/Right (or Up/Down) choose the next one, as do Space, Enter
    and a click. ``language`` is the one chosen."""

    BINDINGS = [
        Binding("left", "move(-1)", show=False),
        Binding("right", "move(1)", show=False),
    ]

    def __init__(self, language: str, *, id: str | None = None) -> None:
        super().__init__([], multiple=False, id=id)
        self._items = [LanguageOption(code, n, NAMES[code], multiple=False) for n, code in enumerate(LANGUAGES, 1)]
        self.chosen = language

    def on_mount(self) -> None:
        for item in self.items:
            item.checked = item.key == self.chosen
        self._one_tab_stop()

    def _one_tab_stop(self) -> None:
        """Only the chosen language takes the focus: Tab goes past the others, to the next box."""
        for item in self.items:
            item.can_focus = item.checked

    def action_move(self, delta: int) -> None:
        items = self.items
        at = next((n for n, item in enumerate(items) if item.checked), 0)
        self.choose(items[max(0, min(at + delta, len(items) - 1))])

    def choose(self, choice: Choice) -> None:
        self.chosen = choice.key
        super().choose(choice)
        self._one_tab_stop()
        choice.focus()  # a key or a click on it: the focus stays with the choice

    @property
    def language(self) -> str:
        return next(iter(self.selected), self.chosen)


class NewProfileDialog(FormDialog[NewProfile | None]):
    """Name, language and optional PIN for a new profile."""

    CSS_PATH = "dialogs.tcss"
    OK_BUTTON = "create"

    def __init__(self, taken: Collection[str] = (), language: str | None = None) -> None:
        """``taken``: the names of the profiles already on this computer; ``language``: the one offered first
        (the language shown now when None)."""
        super().__init__()
        self.taken = tuple(taken)
        self.language = language or current_language()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="new-profile"):
            yield Static(_("New profile"), classes="page-title")
            yield Label(_("Your name, or any name you like (only shown on this computer)"))
            yield Input(id="name")
            with Horizontal(id="language-row"):
                # Translators: the label before the choice of English or Spanish; both words help either reader
                yield Label(_("Language / Idioma:"), id="language-label")
                yield LanguageChoice(self.language, id="language")
            yield Label(_("PIN, if you want one (4 to 8 digits; leave empty for none)"))
            yield Input(password=True, id="pin")
            yield Label(_("Type the PIN again"))
            yield Input(password=True, id="pin2")
            yield Static("", id="profile-error", classes="error-text", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_("Create profile"), id="create", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    AUTO_FOCUS = "#name"

    def submit(self) -> None:
        name = self.query_one("#name", Input).value.strip()
        pin = self.query_one("#pin", Input).value
        again = self.query_one("#pin2", Input).value
        error = name_problem(name, self.taken) or ""
        if not error and pin:
            error = pin_problem(pin) or ""
        if not error and pin != again:
            error = _("The two PINs are not the same. Please type them again.")
        if error:
            self.query_one("#profile-error", Static).update(error)
            if pin and not name_problem(name, self.taken):  # a PIN to type again: empty boxes, the first one ready
                for box in self.query("#pin, #pin2").results(Input):
                    box.value = ""
                self.query_one("#pin", Input).focus()
            return
        dismiss(self, NewProfile(name, pin or None, self.query_one("#language", LanguageChoice).language))

    def next_box(self, box: Input) -> bool:
        order = ["name", "pin", "pin2"]
        if box.id in order[:-1] and (box.id != "pin" or box.value):
            self.query_one(f"#{order[order.index(box.id) + 1]}", Input).focus()
            return True
        return False
