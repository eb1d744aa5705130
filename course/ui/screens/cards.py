"""Cards to print: the one-page cards to keep, saved as web pages and plain text.

At home (from My progress) the person chooses blank cards or cards filled in with their journal answers; the
safety plan card's privacy rule is said before they choose. In group mode the counselor saves blank handouts.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, Static

from course import cards
from course.i18n import N_, _, current_language
from course.progress import CARDS_FOLDER, cards_folder_name
from course.services import StoreError
from course.ui.deferred import after_refresh
from course.ui.keys import KeyHelp, Other
from course.ui.navigation import leave
from course.ui.screen import CourseScreen
from course.ui.widgets.button import Button
from course.ui.widgets.choices import ChoiceList
from course.ui.widgets.crisis_line import CrisisLine
from course.ui.widgets.footer import KeyFooter

FILL, BLANK = "journal", "blank"
HOME_INTRO = N_("Five cards to print and keep, one page each: your safety plan, your boundary, your I-statement, "
                "the three Cs, and overdose steps for the fridge. Each is saved as a web page to print (.html) and "
                "as plain text (.txt).")
# Translators: follows "Your safety plan: " in bold
HOME_SAFETY = N_("keep the printed card where anyone who might hurt you won't find it. Use your journal answers "
                 "only if you know your journal is private: no one else uses this profile or reads this computer. "
                 "If you are not sure, choose blank cards and fill them in by hand.")
GROUP_INTRO = N_("Blank cards to hand out, one page each: a safety plan, a boundary, an I-statement, the three Cs, "
                 "and overdose steps for the fridge. all-cards.html prints one of each.")
# Translators: follows "The safety plan card: " in bold
GROUP_SAFETY = N_("it asks people to keep it where anyone who might hurt them won't find it. "
                  "Offer it to everyone, quietly, so no one is singled out.")


def folder_beside_record(record_path: str) -> Path:
    """Where the cards go: a folder beside the record of completion, named like it.

    ``~/family-course-record-Jo-1a2b3c.html`` gives ``~/family-course-cards-Jo-1a2b3c``, so two people who
    share a computer account keep their cards apart as they keep their records apart.
    """
    raw = record_path.strip()
    if not raw:
        return Path.home() / _(CARDS_FOLDER)
    path = Path(raw).expanduser()
    stem = path.stem if path.suffix.lower() in (".html", ".htm") else path.name
    return path.parent / cards_folder_name(stem)


CHOOSE_CARDS = N_("your journal answers or blank cards (at home)")


class CardsScreen(CourseScreen[None]):
    CSS_PATH = "cards.tcss"
    BINDINGS = [
        Binding("escape", "leave", N_("Back"), tooltip=N_("back")),
        Binding("1", "choose(1)", N_("Journal answers"), show=False, tooltip=CHOOSE_CARDS),
        Binding("2", "choose(2)", N_("Blank cards"), show=False, tooltip=CHOOSE_CARDS),
    ]
    KEY_HELP = KeyHelp(N_("Cards to print"), BINDINGS, after=(
        Other("", N_("Then **Save cards**, or **Enter** in the folder box")),
        Other("", N_("Open **all-cards.html** in a web browser and print it: each card prints on one page")),
    ), last=("leave",))
    HELP = KEY_HELP.markdown()

    def __init__(self, folder: Path, *, personal: bool) -> None:
        """``personal``: offer to fill the cards from the learner's journal (home); otherwise blank handouts."""
        super().__init__()
        self.folder = folder
        self.personal = personal

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="cards-page"):
            yield Static(_("Cards to print") if self.personal else _("Handouts: cards to print"),
                         classes="page-title")
            yield Static(_(HOME_INTRO if self.personal else GROUP_INTRO), markup=False, classes="cards-text")
            yield Static(Content.assemble((_("Your safety plan: "), "bold"), _(HOME_SAFETY)) if self.personal
                         else Content.assemble((_("The safety plan card: "), "bold"), _(GROUP_SAFETY)),
                         id="cards-safety", classes="cards-text")
            if self.personal:
                yield ChoiceList([(FILL, _("Fill in my answers from my journal")),
                                  (BLANK, _("Blank cards, to fill in by hand"))], multiple=False, id="cards-fill")
            yield Label(_("Save in this folder:"), id="cards-folder-label")
            yield Input(str(self.folder), id="cards-folder")
            with Horizontal(classes="buttons"):
                yield Button(_("Save cards"), id="save-cards", variant="primary")
                # Translators: a button that leaves the cards screen
                yield Button(_("Back"), id="back")
            yield Static("", id="cards-status", markup=False)
        yield CrisisLine()
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.personal:
            self.query_one("#cards-fill", ChoiceList).items[0].focus()
        else:
            self.query_one("#save-cards", Button).focus()

    def _status(self, text: str) -> None:
        status = self.query_one("#cards-status", Static)
        status.update(text)
        after_refresh(self, self.query_one("#cards-page", VerticalScroll).scroll_end, animate=False)

    def save_cards(self) -> None:
        raw = self.query_one("#cards-folder", Input).value.strip()
        if not raw:
            self._status(_("Please type the folder to save the cards in."))
            return
        fill = self.personal and self.query_one("#cards-fill", ChoiceList).selected == [FILL]
        if self.personal and not self.query_one("#cards-fill", ChoiceList).selected:
            self._status(_("First choose: your answers from your journal, or blank cards."))
            return
        try:
            deck = cards.load_cards(language=current_language())
            answers = None
            if fill:
                entries = self.app.active_learner.journal()
                answers = {card.id: cards.journal_answers(card, entries, self.app.course.lessons) for card in deck}
            folder = Path(raw).expanduser()
            said = self.app.keep_cards(folder, deck, answers)
        except OSError as error:
            self._status(_("Could not save the cards there ({reason}). Try another folder, such as your home "
                           "folder.").format(reason=error.strerror or error))
            return
        except (StoreError, cards.CardError) as error:
            self._status(self.app.error_words(error))
            return
        lines = [said]
        if answers is not None:
            used = [card.title for card in deck if answers.get(card.id)]
            lines.append(_("Your words are on: {cards}.").format(cards=", ".join(used)) if used else
                         _("Your journal has no answers for these cards yet, so they have lines to write on."))
            lines.append(_("If others use this computer, delete these files once they are printed."))
        self._status("\n".join(lines))

    def action_choose(self, number: int) -> None:
        if self.personal:
            self.query_one("#cards-fill", ChoiceList).choose_number(number)

    def action_leave(self) -> None:
        leave(self)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "save-cards":
                self.save_cards()
            case "back":
                self.action_leave()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "cards-folder":
            self.save_cards()

    def on_choice_list_changed(self, event: ChoiceList.Changed) -> None:
        """Choosing (Enter, Space or a click) moves on to the folder, rather than saving at once."""
        event.stop()
        self.query_one("#cards-folder", Input).focus()
