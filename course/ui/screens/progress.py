"""My progress: lessons done, scores and time; the private journal; the record of completion."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import (
    DataTable,
    Input,
    Label,
    OptionList,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)
from textual.widgets.option_list import Option

from course import record
from course.i18n import N_, _
from course.progress import (
    best_score_text,
    completion_record,
    minutes_text,
    record_path,
    state_of,
    status_text,
    totals_text,
)
from course.services import JournalEntry, LessonState, StoreError
from course.ui.keys import KeyHelp, Other
from course.ui.literal import literal, visible
from course.ui.navigation import leave, push
from course.ui.screen import CourseScreen
from course.ui.screens.dialogs import ConfirmDialog
from course.ui.widgets.button import Button
from course.ui.widgets.crisis_line import CrisisLine
from course.ui.widgets.footer import KeyFooter

# Translators: the months, short, in the day a journal entry was last changed ("05 Mar 2025")
SHORT_MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"), N_("Aug"), N_("Sep"),
                N_("Oct"), N_("Nov"), N_("Dec"))


def date_words(moment: datetime) -> str:
    """``"05 Mar 2025"``, the month in the language shown (not the system's locale)."""
    return f"{moment.day:02d} {_(SHORT_MONTHS[moment.month - 1])} {moment.year}"


class ProgressScreen(CourseScreen[None]):
    CSS_PATH = "progress.tcss"
    BINDINGS = [Binding("escape", "leave", N_("Course map"), tooltip=N_("back to the course map"))]
    KEY_HELP = KeyHelp(N_("My progress"), BINDINGS, before=(
        Other("left,right", N_("on the tabs, switch between Summary, Journal and Record")),
        Other("", N_("In the journal: choose an entry, change the text, then **Save changes**")),
    ))
    HELP = KEY_HELP.markdown()
    _current: JournalEntry | None = None  # the journal entry being read or changed

    def compose(self) -> ComposeResult:
        learner = self.app.active_learner
        yield Static(literal(_("Progress for {name}").format(name=learner.name)), classes="page-title",
                     id="progress-title")
        with TabbedContent(id="tabs"):
            # Translators: the names of the three tabs of My progress
            with TabPane(_("Summary"), id="summary-tab"):
                yield Static("", id="totals", markup=False)
                yield DataTable(id="summary", cursor_type="row", zebra_stripes=False)
            with TabPane(_("Journal"), id="journal-tab"):
                yield Static(_("Your journal, kept on this computer. Anyone who can open this profile can read it. "
                               "Changes are saved when you leave an entry."),
                             classes="muted", markup=False)
                with Horizontal(id="journal-row"):
                    yield OptionList(id="entries")
                    with Vertical(id="entry-editor"):
                        yield Static("", id="entry-prompt", markup=False)
                        yield TextArea("", id="entry-text", soft_wrap=True)
                        with Horizontal(classes="buttons"):
                            yield Button(_("Save changes"), id="save-entry", variant="primary")
                            yield Button(_("Delete entry"), id="delete-entry", variant="error")
            with TabPane(_("Record"), id="record-tab"), VerticalScroll(id="record-scroll", can_focus=False):
                yield Static(_(
                    "Save a record of completion: your name, the lessons you finished, the dates and your best "
                    "quiz scores. It is saved as a web page you can print (.html) and as plain text (.txt). It is "
                    "a personal record, not a certificate."), markup=False)
                yield Label(_("Save to this file:"), id="record-path-label")
                yield Input(str(record_path(learner.name, getattr(learner, "profile_id", ""))),
                            id="record-path")
                with Horizontal(classes="buttons"):
                    yield Button(_("Save record"), id="save-record", variant="primary")
                    yield Button(_("Cards to print"), id="cards")
                yield Static("", id="record-status", markup=False)
        with Horizontal(classes="buttons", id="progress-nav"):
            yield Button(_("Back to course map"), id="map")
        yield CrisisLine()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.fill_summary()
        self.fill_journal()

    def _states(self) -> dict[str, LessonState]:
        try:
            return self.app.active_learner.lesson_states()
        except StoreError as error:
            self.app.report_store_error(error)
            return {}

    def fill_summary(self) -> None:
        learner = self.app.active_learner
        table = self.query_one("#summary", DataTable)
        table.clear(columns=True)
        # The lesson column takes the room the window has; a title longer than that wraps at a word, never cut.
        longest = max((len(lesson.title) for lesson in self.app.course.lessons), default=10)
        width = max(20, min(longest, self.app.size.width - 44))
        table.add_column(_("Lesson"), width=width)
        # Translators: the headings of the summary table's other columns; "Min" is minutes spent on the lesson
        table.add_columns(_("Status"), _("Best quiz"), _("Min"))
        states = self._states()
        for lesson in self.app.course.lessons:
            state = state_of(states, lesson)
            try:
                best = learner.best_quiz(lesson.id)
            except StoreError:
                best = None
            table.add_row(Text(lesson.title), status_text(lesson, state), best_score_text(best) or "-",
                          minutes_text(state.seconds), height=None)
        self.query_one("#totals", Static).update(totals_text(self.app.course.lessons, states))

    def _entries(self) -> list[JournalEntry]:
        try:
            return self.app.active_learner.journal()
        except StoreError as error:
            self.app.report_store_error(error)
            return []

    def fill_journal(self, select: str | None = None) -> None:
        entries = self._entries()
        self._by_id = {entry.id: entry for entry in entries}
        options = self.query_one("#entries", OptionList)
        options.clear_options()
        titles = {lesson.id: lesson.title for lesson in self.app.course.lessons}
        for entry in entries:
            when = date_words(entry.updated.astimezone())
            first = visible(entry.text.strip().split("\n")[0])[:40] or _("(empty)")
            options.add_option(Option(Content.assemble((titles.get(entry.lesson_id, entry.lesson_id), "bold"),
                                                       f"\n{when}: ", Content(first)), id=entry.id))
        has = bool(entries)
        self.query_one("#entry-editor").display = has
        if not has:
            options.add_option(Option(_("No journal entries yet. Lessons ask a few questions you can answer "
                                        "here."), disabled=True))
            return
        index = next((i for i, e in enumerate(entries) if e.id == select), 0)
        options.highlighted = index
        self.show_entry(entries[index])

    def show_entry(self, entry: JournalEntry) -> None:
        self._current = entry
        self.query_one("#entry-prompt", Static).update(entry.prompt)
        self.query_one("#entry-text", TextArea).text = entry.text

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        entry = self._by_id.get(event.option.id or "")
        if entry is not None:
            self.save_open_work()  # the entry being left keeps what was typed in it
            self.show_entry(entry)

    def save_open_work(self) -> None:
        """Save the shown entry if its text was changed (also called by the app before it quits)."""
        entry = self._current
        if entry is None or not self.is_mounted:
            return
        text = self.query_one("#entry-text", TextArea).text
        if text == entry.text:
            return
        try:
            self.app.active_learner.update_journal(entry.id, text)
        except StoreError as error:
            self.app.report_store_error(error)
            return
        self._current = entry._replace(text=text)
        self._by_id[entry.id] = self._current

    def save_entry(self) -> None:
        entry = getattr(self, "_current", None)
        if entry is None:
            return
        text = self.query_one("#entry-text", TextArea).text
        try:
            self.app.active_learner.update_journal(entry.id, text)
        except StoreError as error:
            self.app.report_store_error(error)
            return
        self.app.notify(_("Journal entry saved."), timeout=3)
        self.fill_journal(select=entry.id)

    def delete_entry(self) -> None:
        entry = getattr(self, "_current", None)
        if entry is None:
            return

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.app.active_learner.delete_journal(entry.id)
            except StoreError as error:
                self.app.report_store_error(error)
                return
            self._current = None
            self.fill_journal()

        push(self, ConfirmDialog(_("Delete this journal entry? This cannot be undone."), yes=_("Delete"),
                                 danger=True), confirmed)

    def build_record(self) -> record.Record:
        learner = self.app.active_learner
        return completion_record(learner.name, self.app.course.lessons, self._states(), learner.best_quiz,
                                 datetime.now().astimezone())

    def save_record(self) -> None:
        raw = self.query_one("#record-path", Input).value.strip()
        status = self.query_one("#record-status", Static)
        if not raw:
            status.update(_("Please type where to save the record."))
            return
        try:
            said = self.app.keep_record(self.build_record(), Path(raw))
        except OSError as error:
            said = _("Could not save the record there ({problem}). Try another folder, such as your home "
                     "folder.").format(problem=error.strerror or error)
        except StoreError as error:
            said = self.app.error_words(error)
        status.update(said)
        # below the buttons, so below the window's last line at 80x24: brought into view once laid out
        self.query_one("#record-scroll", VerticalScroll).scroll_end(animate=False)

    def action_leave(self) -> None:
        self.save_open_work()
        leave(self)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "save-entry":
                self.save_entry()
            case "delete-entry":
                self.delete_entry()
            case "save-record":
                self.save_record()
            case "cards":
                from course.ui.screens.cards import CardsScreen, folder_beside_record

                folder = folder_beside_record(self.query_one("#record-path", Input).value)
                push(self, CardsScreen(folder, personal=True))
            case "map":
                self.action_leave()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "record-path":
            self.save_record()
