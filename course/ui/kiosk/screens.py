"""The kiosk's own screens: the start screen, the list of short lessons, the idle question and the staff PIN.

The reader and quiz screens are the shared ones; they talk to ``app.learner`` (a ``CountingGuest`` here).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from textual import events
from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static

from course.content.model import Lesson, Unavailable
from course.i18n import N_, NAMES, _, current_language, next_language, ngettext, translator
from course.pin_wait import Refusal
from course.ui.keys import KeyHelp, Other, key_name
from course.ui.kiosk.keys import FINISH_KEY, LANGUAGE_KEYS
from course.ui.screen import CourseModal, CourseScreen
from course.ui.screens.course_map import CourseMapScreen
from course.ui.screens.dialogs import FormDialog
from course.ui.widgets.button import Button
from course.ui.widgets.crisis_line import CrisisLine
from course.ui.widgets.footer import KeyFooter
from course.ui.widgets.wait_note import WaitNote

SCREENS_DIR = Path(__file__).resolve().parent.parent / "screens"
TIP_SECONDS = 12.0
STAFF_PIN_MIN, STAFF_PIN_MAX = 6, 12
FINISH = FINISH_KEY.upper()
LANGUAGE_KEY = key_name(min(LANGUAGE_KEYS))  # "L", as the key is printed


class Visits(Protocol):
    """What the kiosk's screens ask of the kiosk (``course.ui.kiosk.controller.Kiosk``)."""

    @property
    def problem(self) -> str: ...  # a calm note for staff on the start screen, or ""
    tip_index: int  # which tip the start screen shows: kept across start screens, so they keep turning

    def start_visit(self) -> None: ...
    def switch_language(self) -> None: ...
    def finish(self) -> None: ...
    def close_prompt(self) -> None: ...


def tips(lessons: tuple[Lesson, ...]) -> list[tuple[str, str]]:
    """(tip, where it comes from) for each short lesson that has a summary, in the language shown now."""
    # Translators: under a tip on the kiosk's start screen: where the tip comes from
    source = _("From the {minutes}-minute lesson \u201c{title}\u201d")
    return [(lesson.summary, source.format(minutes=lesson.minutes, title=lesson.title))
            for lesson in lessons if lesson.summary]


def language_offer(language: str) -> str:
    """The start screen's offer of ``language`` (the other one), in that language, for those who read it."""
    # Translators: on the kiosk's start screen, offered IN THIS LANGUAGE to people who cannot read the other one:
    # {language} is this language's own name ("Español") and {key} the key that switches to it ("L")
    offer = translator(language).gettext("{language}: press {key}")
    return offer.format(language=NAMES[language], key=LANGUAGE_KEY)


class AttractScreen(CourseScreen[None]):
    """Shown while nobody is using the kiosk. Any key, or a click, starts a visit."""

    CSS_PATH = "attract.tcss"
    HELP = N_("**Start screen**\n\nPress any key, or click, to start. You do not need to give your name.\n\n"
              "Press **L** to switch between English and Español.")

    def __init__(self, visits: Visits) -> None:
        super().__init__()
        self.visits = visits

    def compose(self) -> ComposeResult:
        settings = self.app.settings
        with Vertical(id="attract"), Center(), Vertical(id="attract-box"):
            # Translators: the course's name, the title of the kiosk's start screen
            yield Static(_("Family Course"), id="attract-title", markup=False)
            if settings.clinic_name:
                yield Static(settings.clinic_name, id="attract-clinic", markup=False)
            yield Static(_("Short lessons for families and friends of someone in treatment. No name needed, "
                           "and nothing you do here is kept."), id="attract-intro", markup=False)
            yield Static(_("Press any key to start"), id="attract-start", markup=False)
            yield Static(language_offer(next_language(current_language())), id="attract-language", markup=False)
            yield Static("", id="attract-tip", markup=False)
            yield Static("", id="attract-tip-source", markup=False)
        yield Static("", id="attract-note", markup=False)
        yield CrisisLine()

    def on_mount(self) -> None:
        self._tips = tips(self.app.course.kiosk_lessons())
        self.show_tip()
        if self._tips:
            self.set_interval(TIP_SECONDS, self.next_tip, name="kiosk tips")

    def on_screen_resume(self) -> None:
        problem = self.visits.problem
        note = self.query_one("#attract-note", Static)
        note.update(problem)
        note.display = bool(problem)

    def show_tip(self) -> None:
        tip = self.query_one("#attract-tip", Static)
        source = self.query_one("#attract-tip-source", Static)
        if not self._tips:
            tip.update("")
            source.update("")
            return
        index = self.visits.tip_index % len(self._tips)
        text, where = self._tips[index]
        tip.update(Content.assemble((_("Did you know?"), "bold"), " ", text))
        source.update(where)

    def next_tip(self) -> None:
        self.visits.tip_index += 1
        self.show_tip()

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if self.app.screen is not self:  # a key that reached this screen as another was opened over it
            return
        if event.key in LANGUAGE_KEYS:
            self.visits.switch_language()
        else:
            self.visits.start_visit()

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.visits.start_visit()


class KioskMapScreen(CourseMapScreen):
    """The short lessons and their quizzes, for a guest. No progress page, no settings, no profiles."""

    CSS_PATH = [SCREENS_DIR / "course_map.tcss", "kiosk_map.tcss"]
    REFUSED = frozenset({"progress", "settings", "leave"})
    KEY_HELP = KeyHelp(N_("Short lessons"), CourseMapScreen.BINDINGS, leave_out=REFUSED, says={
        "continue": N_("start the next lesson"),
        "quiz": N_("take the quiz of the highlighted lesson"),
    }, before=(Other("up,down,enter", N_("open a lesson"), join="and"),),
        after=(Other(FINISH_KEY, N_("finish and clear everything")),))
    HELP = KEY_HELP.markdown()

    def __init__(self, visits: Visits) -> None:
        super().__init__()
        self.visits = visits

    def lessons(self) -> list[Lesson]:
        return list(self.app.course.kiosk_lessons())

    def unavailable_lessons(self) -> list[Unavailable]:
        return []  # a guest is not told about lessons that could not be read

    def compose(self) -> ComposeResult:
        with Vertical(id="course-map"):
            yield Static(id="map-title", classes="page-title")
            yield Static(_("A few minutes each. Press {key} when you are done; everything is cleared.").format(
                key=FINISH), id="kiosk-intro", classes="muted", markup=False)
            with Horizontal(id="continue-row"):
                # Translators: a button that opens the next lesson
                yield Button(_("Continue"), id="continue", variant="primary")
            yield OptionList(id="lessons")
            yield Static(_("No lessons are available right now. Please ask the front desk."), id="kiosk-empty",
                         markup=False)
            with Horizontal(classes="buttons"):
                # Translators: a button that opens the highlighted lesson
                yield Button(_("Open lesson"), id="open")
                # Translators: a button that opens the quiz of the highlighted lesson
                yield Button(_("Take quiz"), id="quiz")
                # Translators: a button that ends a kiosk visit; {key} is the key that does the same ("F10")
                yield Button(_("Finish ({key})").format(key=FINISH), id="finish")
        yield CrisisLine()
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action not in self.REFUSED

    def refresh_map(self) -> None:
        super().refresh_map()
        if self.app.learner is None:
            return
        self.query_one("#map-title", Static).update(_("Short lessons for families"))
        empty = not self.lessons()
        self.query_one("#kiosk-empty").display = empty
        self.query_one("#lessons").display = not empty
        self.query_one("#continue-row").display = not empty
        if self._upcoming is None and not empty:
            # Translators: the button after the last lesson: ends the visit; {key} is the key that does the same
            self.query_one("#continue", Button).label = _("All done. Finish and clear ({key})").format(key=FINISH)

    def action_continue(self) -> None:
        if not self.lessons():
            return
        if self._upcoming is None:
            self.visits.finish()
        else:
            self.open_lesson(self._upcoming)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "finish":
            event.prevent_default()
            self.visits.finish()


class StillThereScreen(CourseModal[None]):
    """Asked after the idle timeout; any key keeps the visit (the kiosk sees the key first)."""

    CSS_PATH = "kiosk_dialogs.tcss"

    def __init__(self, left: float, visits: Visits) -> None:
        super().__init__()
        self.left = left
        self.visits = visits

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="still-there"):
            yield Static(_("Are you still there?"), classes="page-title", markup=False)
            yield Static("", id="still-there-countdown")
            yield Static(_("Press any key to keep going."), markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_("I am still here"), id="still-here", variant="primary")

    def on_mount(self) -> None:
        self.show_left(self.left)

    def show_left(self, left: float) -> None:
        self.left = left
        seconds = max(0, math.ceil(left))
        said = ngettext("Starting over in {count} second. Everything you did here will be cleared.",
                        "Starting over in {count} seconds. Everything you did here will be cleared.", seconds)
        self.query_one("#still-there-countdown", Static).update(said.format(count=seconds))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.visits.close_prompt()


class StaffPinScreen(FormDialog[bool]):
    """The staff key opens this; the right staff PIN closes the kiosk."""

    CSS_PATH = "kiosk_dialogs.tcss"
    OK_BUTTON = "staff-ok"
    CANCELLED = False
    KEY_HELP = KeyHelp(N_("Staff"), FormDialog.BINDINGS, says={"cancel": N_("go back (the kiosk keeps running)")},
                       intro=N_("Type the staff PIN and press **Enter** to close the kiosk."))
    HELP = KEY_HELP.markdown()

    def __init__(self, check: Callable[[str], Refusal | None]) -> None:
        super().__init__()
        self.check = check  # returns None for the right PIN, else what to say (and how long to wait)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="staff-pin"):
            yield Static(_("Staff only"), classes="page-title", markup=False)
            yield Static(_("Type the staff PIN ({low} to {high} digits) to close the kiosk.").format(
                low=STAFF_PIN_MIN, high=STAFF_PIN_MAX), markup=False)
            yield Input(password=True, restrict=r"[0-9]*", max_length=STAFF_PIN_MAX, id="staff-pin-input")
            yield WaitNote(id="staff-pin-error")
            with Horizontal(classes="buttons"):
                yield Button(_("Close the kiosk"), id="staff-ok", variant="error")
                yield Button(_("Cancel"), id="staff-cancel", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#staff-pin-input", Input).focus()

    def submit(self) -> None:
        box = self.query_one("#staff-pin-input", Input)
        pin, box.value = box.value, ""
        note = self.query_one("#staff-pin-error", WaitNote)
        if not pin:
            if not note.waiting:
                note.say(_("Type the staff PIN first."))
            return
        refusal = self.check(pin)
        if refusal is None:
            self.dismiss(True)
        else:
            note.refuse(refusal)

