"""The quiz as a group: the question, then the options, then a show of hands, then the answer and the tally.

The options are one list of rows, each with its letter: plain while the room thinks, with a count box beside each
while hands are counted, and with the right ones marked and a bar with the count beside each once the answer is
shown. So the room always sees the question and every option together, even at 80x24.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from course.content.model import Lesson, Question
from course.group.phones import combined, split_tallies, tally_id
from course.group.shown import Shown
from course.group.tally import bar, hands_problem, option_label, parse_count
from course.group.text import how_to_answer
from course.i18n import N_, _
from course.services import GroupSession, StoreError
from course.ui.deferred import after_refresh
from course.ui.group.phones import JoinPanel, PhonesChanged
from course.ui.group.projector import BlankScreen, closing, next_theme, publish
from course.ui.group.screen import GroupScreen
from course.ui.keys import KeyHelp, Other
from course.ui.widgets.prose import Prose

RIGHT_MARK = "\u2713"
BAR_WIDTH = 10
MAX_DIGITS = 3

# The line of keys under the question at each stage (translated where it is shown; each fits in 80 columns)
HINTS = {
    "question": N_("Enter: show the options   \u2190 previous   B blank   Esc: the lesson"),
    "options": N_("Enter: count hands   \u2190 previous   B blank   Esc: the lesson"),
    "tally": N_("Type the hands for each option, Enter after each   Esc: skip the count"),
    "answer": N_("Enter: next question  \u2193 feedback  \u2190 previous  B blank  Esc: the lesson"),
    "phones": N_("Enter: close answering, show the answer  B blank  Esc: stop answering"),
}
# With phones in the room (``family-course group --join-port``), J opens the question to them.
PHONE_HINTS = {
    "question": N_("Enter: show the options  J: phones  \u2190 previous  B blank  Esc: the lesson"),
    "options": N_("Enter: count hands  J: phones  \u2190 previous  B blank  Esc: the lesson"),
    "tally": N_("Type the hands, Enter after each   J: phones too   Esc: skip the count"),
}
PUBLISH_SECONDS = 0.25  # the notes window hears the phones' count at most this often (it looks 5 times a second)


def right_labels(question: Question) -> str:
    return ", ".join(option_label(i) for i, o in enumerate(question.options) if o.correct)


def answer_markdown(question: Question) -> str:
    """The right answer(s), each with its feedback, then the explanation."""
    lines: list[str] = []
    for i, option in enumerate(question.options):
        if option.correct:
            lines += [f"**{option_label(i)}. {option.text}**", "", option.feedback, ""]
    if question.explanation:
        lines += [f"*{question.explanation}*", ""]
    return "\n".join(lines)


def option_row(index: int, text: str, key: str, saved: int | None) -> Horizontal:
    """One option: its letter (and mark), its text, and the count box or the bar beside it.

    The count boxes are not input fields: the screen itself takes the digits for the box it has chosen, so keys
    typed quickly (or while the computer is busy) always land in order, in the right box.
    """
    box = Static("" if saved is None else str(saved), id=f"count-{key}", classes="count-input", markup=False)
    return Horizontal(
        Static(option_label(index), classes="gq-letter"),
        Static(text, classes="gq-text", markup=False),
        box,
        Static("", classes="gq-bar", markup=False),
        classes="gq-row", id=f"row-{key}")


class GroupQuizScreen(GroupScreen[str]):
    PROJECTOR_VIEW = "lesson"  # what the notes window is told the projector shows (group.projector)
    CSS_PATH = ["quiz_screen.tcss", "phones.tcss"]
    BINDINGS = [
        Binding("right,n,enter,space", "advance", N_("Next"), show=False,
                tooltip=N_("on to the next stage (the options, the count, the answer, the next question)")),
        Binding("left,p", "previous", N_("Previous question"), show=False, tooltip=N_("previous question")),
        Binding("b", "blank", N_("Blank"), show=False, tooltip=N_("blank the screen (press **B** again to show it)")),
        Binding("t", "theme", N_("Theme"), show=False, tooltip=N_("change the theme")),
        Binding("j", "phones", N_("Answer on phones"), show=False,
                tooltip=N_("open the question to phones (when group mode was started with **--join-port**); "
                           "**Enter** closes answering and shows the answer")),
        Binding("escape", "escape", N_("Back"), show=False,
                tooltip=N_("back to the lesson (while you type counts: skip the count)")),
    ]
    KEY_HELP = KeyHelp(N_("Group quiz"), BINDINGS, after=(
        Other("down,pagedown", N_("the feedback under the answer")),
    ), last=("escape",), intro=N_(
        "1. The room sees the question. **Enter** shows the options.\n"
        "2. Ask for a show of hands for each option. **Enter** opens a count box beside each option.\n"
        "3. Type a count for each option (**Enter** or **Tab** moves on, **Shift+Tab** back, a click chooses a box), "
        "then **Enter** on the last box shows the right answer and the counts. **Escape** skips the count.\n"
        "4. **Enter**: next question. After the last one you are asked to finish the session."))
    HELP = KEY_HELP.markdown()

    def __init__(self, session: GroupSession, lesson: Lesson, shown: Shown) -> None:
        super().__init__()
        assert lesson.quiz is not None
        self.session = session
        self.lesson = lesson
        self.questions = lesson.quiz.questions
        self.shown = shown.moved(phase="quiz", question=0, stage="question", blank=False)
        # The show of hands and the phones' counts, each by question id (kept apart in the session, added up here)
        self.tallies, self.phone_tallies = split_tallies(session.tallies)
        self.phones_problem = ""  # why phones cannot join, when the phone page could not start
        self.publish_due = False  # the phones' count is waiting to be told to the notes window
        self.kept_anyway: dict[str, int] | None = None  # counts the counselor kept after being told they look odd
        self.box = 0  # while hands are counted: the option whose count is being typed
        self.fresh = True  # no digit typed in this box since it was chosen: the first one replaces its count

    @property
    def question(self) -> Question:
        return self.questions[self.shown.question]

    def compose(self) -> ComposeResult:
        with Vertical(id="gquiz"):
            with Horizontal(id="gq-top"):
                yield Static(_("Quiz: {lesson}").format(lesson=self.lesson.title), markup=False, id="gq-lesson")
                yield Static("", id="gq-count")
            with VerticalScroll(id="gq-page"), Vertical(id="gq-reading"):
                yield Static("", id="gq-title", markup=False)
                yield Prose(id="gq-prompt")
                yield Static("", id="gq-summary", markup=False)
                yield Vertical(id="gq-options")
                yield Static("", id="gq-error", classes="error-text", markup=False)
                yield Prose(id="gq-answer")
            yield Static("", id="gq-hint")

    async def on_mount(self) -> None:
        if getattr(self.app, "phones", None) is not None:  # beside the question, while it is open to phones
            page = self.query_one("#gq-page", VerticalScroll)
            await page.mount(JoinPanel(), before=0)
            self.watch(page, "virtual_size", self._fit_phones, init=False)
        await self.start_phones()
        await self.show(rebuild=True)

    async def on_unmount(self) -> None:
        if self.app.return_code is not None:  # group mode is closing: tell the notes screen
            closing(self.app)
        phones = getattr(self.app, "phones", None)
        if phones is not None:  # the quiz is over: so is answering on phones, and all the phones sent but counts
            await phones.stop()

    async def show(self, *, rebuild: bool = False) -> None:
        question, stage = self.question, self.shown.stage
        self.set_class(stage == "question", "-asking")
        self.set_class(stage == "answer", "-answer")
        self.set_class(stage == "tally", "-tally")
        self._show_join(stage == "phones")
        self.query_one("#gq-count", Static).update(
            _("Question {number} of {total}").format(number=self.shown.question + 1, total=len(self.questions)))
        if rebuild:
            self.kept_anyway = None
            self.query_one("#gq-title", Static).update(question.title)
            options = self.query_one("#gq-options", Vertical)
            await options.remove_children()
            saved = self.tallies.get(question.id, {})
            await options.mount_all(option_row(i, o.text, o.key, saved.get(o.key))
                                    for i, o in enumerate(question.options))
            self._say("")
        # Once the answer is shown, "Right answer" takes the place of "Choose one", to keep it all on one screen.
        how = "" if stage == "answer" else how_to_answer(question.prompt, question.multiple)
        prompt = question.prompt + (f"\n\n*{how}*" if how else "")
        self.query_one("#gq-prompt", Prose).show(prompt)
        self.query_one("#gq-options").display = stage != "question"
        self._show_rows(answered=stage == "answer")
        summary = self.query_one("#gq-summary", Static)
        summary.display = stage == "answer"
        summary.update(self._summary())
        answer = self.query_one("#gq-answer", Prose)
        answer.display = stage == "answer"
        answer.show(answer_markdown(question) if stage == "answer" else "")
        self.query_one("#gq-hint", Static).update(_(PHONE_HINTS.get(stage, HINTS[stage]) if self.phones_on()
                                                    else HINTS[stage]))
        page = self.query_one("#gq-page", VerticalScroll)
        if stage == "tally":
            self._choose_box(0)
        page.focus()
        page.scroll_home(animate=False)  # the question stays in view of the room at every stage
        publish(self.app, self.shown)

    def _show_rows(self, *, answered: bool) -> None:
        counts = combined(self.tallies.get(self.question.id), self.phone_tallies.get(self.question.id))
        highest = max(counts.values(), default=0) if counts else 0
        for i, option in enumerate(self.question.options):
            row = self.query_one(f"#row-{option.key}", Horizontal)
            right = answered and option.correct
            row.set_class(right, "-right")
            label = option_label(i)
            row.query_one(".gq-letter", Static).update(f"{label} {RIGHT_MARK}" if right else label)
            if answered:
                shown = "" if counts is None else bar(counts.get(option.key, 0), highest, BAR_WIDTH)
                row.query_one(".gq-bar", Static).update(shown)

    def _summary(self) -> str:
        question = self.question
        right = right_labels(question)
        answer = (_("Right answer: {letters}") if "," not in right else _("Right answers: {letters}")).format(
            letters=right)
        hands, phones = self.tallies.get(question.id), self.phone_tallies.get(question.id)
        if hands is None and phones is None:
            counted = _("(hands were not counted)")
        elif phones is None:
            counted = _("Show of hands: {count} in all").format(count=sum((hands or {}).values()))
        elif hands is None:
            counted = _("Phones: {count} in all").format(count=sum(phones.values()))
        else:
            counted = _("Hands {hands} + phones {phones}: {count} in all").format(
                hands=sum(hands.values()), phones=sum(phones.values()),
                count=sum(hands.values()) + sum(phones.values()))
        return f"{answer}    {counted}"

    async def go(self, *, rebuild: bool = False, **changes) -> None:
        self.shown = self.shown.moved(**changes)
        await self.show(rebuild=rebuild)

    async def action_advance(self) -> None:
        match self.shown.stage:
            case "question":
                await self.go(stage="options")
            case "options":
                await self.go(stage="tally")
            case "tally":  # Enter is taken by on_key there: N, Space and Right do nothing while counting
                pass
            case "phones":
                await self.close_phones()
            case "answer":
                if self.shown.question < len(self.questions) - 1:
                    await self.go(question=self.shown.question + 1, stage="question", rebuild=True)
                else:
                    self.dismiss("finish")

    def _present(self) -> int:
        try:
            for session in self.app.desk.sessions(self.session.group_id):
                if session.id == self.session.id:
                    return len(session.present)
        except StoreError:
            pass
        return len(self.session.present)

    def _say(self, problem: str) -> None:
        """A problem with the counts, under the boxes (or nothing)."""
        error = self.query_one("#gq-error", Static)
        error.update(problem)
        error.display = bool(problem)

    async def save_counts(self, *, then: str = "answer") -> None:
        """Save the typed hand counts, then show the answer (or, ``then="phones"``, open the question to phones)."""
        question = self.question
        counts: dict[str, int] = {}
        for index, option in enumerate(question.options):
            try:
                value = parse_count(self._typed(option.key))
            except ValueError as wrong:
                self._say(f"{option_label(index)}: {wrong}")
                return
            if value is not None:
                counts[option.key] = value
        if counts:
            full = {o.key: counts.get(o.key, 0) for o in question.options}
            problem = hands_problem(full, self._present(), multiple=question.multiple)
            if problem and full != self.kept_anyway:
                self.kept_anyway = full
                self._say(_("{problem} Check the counts, or press Enter again to keep them.").format(problem=problem))
                return
            try:
                self.app.desk.record_tally(self.session.id, question.id, full)
            except StoreError as store_error:
                self.app.report_store_error(store_error)
                return
            self.tallies[question.id] = full
        self._say("")
        if then == "phones":
            await self.open_phones()
        else:
            await self.go(stage="answer")

    # -- answering on phones (family-course group --join-port) -------------------------------------------------------
    def phones_on(self) -> bool:
        """Is the phone page listening (group mode was started with --join-port, and the port could be had)?"""
        phones = getattr(self.app, "phones", None)
        return phones is not None and phones.room is not None

    async def start_phones(self) -> None:
        phones = getattr(self.app, "phones", None)
        if phones is None:
            return
        self.phones_problem = await phones.start(lambda: self.post_message(PhonesChanged()))
        if self.phones_problem:  # said once the screen is up (a notice sent while it mounts is never drawn)
            after_refresh(self, self.app.notify, self.phones_problem, severity="warning", timeout=15, markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "phones":
            return self.phones_on() and self.shown.stage in ("question", "options")
        return True

    def _show_join(self, shown: bool) -> None:
        """The join panel beside the question while phones answer (shown and hidden on its own: a class on the
        screen would restyle every widget on it), and the question's text back in view."""
        for panel in self.query(JoinPanel):
            panel.display = shown
        self.query_one("#gq-prompt").display = True

    def _fit_phones(self, _size: object = None) -> None:
        """While phones answer, the question's text gives way to the QR code when both do not fit (the room has
        read it, and every phone shows it). Called when the page's size changes, so once it has been laid out."""
        page = self.query_one("#gq-page", VerticalScroll)
        if self.shown.stage == "phones" and page.max_scroll_y > 0:
            self.query_one("#gq-prompt").display = False

    async def action_phones(self) -> None:
        await self.open_phones()

    async def open_phones(self) -> None:
        """J: the question is open to phones, with a new code; the projector shows how to join and the count."""
        phones = getattr(self.app, "phones", None)
        if phones is None or phones.room is None:
            self._say(self.phones_problem)
            return
        opened = phones.room.open(self.question)
        self.query_one(JoinPanel).show(phones.join_address(), phones.qr_text(opened.code), opened.code, 0)
        await self.go(stage="phones", answered=0)

    async def close_phones(self) -> None:
        """Enter: answering closes; the phones' counts are saved with the session (when any phone answered) and
        the answer is shown with them, added to any show of hands."""
        phones = getattr(self.app, "phones", None)
        room = phones.room if phones is not None else None
        answered = room.answered if room is not None else 0
        counts = room.close() if room is not None else {}
        question = self.question
        if answered:
            try:
                self.app.desk.record_tally(self.session.id, tally_id(question.id), counts)
            except StoreError as store_error:
                self.app.report_store_error(store_error)
            self.phone_tallies[question.id] = counts
        await self.go(stage="answer", answered=0)

    def on_phones_changed(self, _message: PhonesChanged) -> None:
        """A phone answered: the projector's count now; the notes window's soon (one write for many answers)."""
        phones = getattr(self.app, "phones", None)
        if self.shown.stage != "phones" or phones is None or phones.room is None:
            return
        self.query_one(JoinPanel).count(phones.room.answered)
        if not self.publish_due:
            self.publish_due = True
            self.set_timer(PUBLISH_SECONDS, self.publish_answered)

    def publish_answered(self) -> None:
        self.publish_due = False
        phones = getattr(self.app, "phones", None)
        if self.shown.stage == "phones" and phones is not None and phones.room is not None:
            self.shown = self.shown.moved(answered=phones.room.answered)
            publish(self.app, self.shown)

    # -- typing the counts: digits go to the chosen box; Enter or Tab moves on, Shift+Tab back ---------------------
    def _typed(self, key: str) -> str:
        return str(self.query_one(f"#count-{key}", Static).render())

    def _choose_box(self, index: int) -> None:
        self.box = max(0, min(index, len(self.question.options) - 1))
        self.fresh = True
        for i, option in enumerate(self.question.options):
            self.query_one(f"#count-{option.key}", Static).set_class(i == self.box, "-current")

    async def on_key(self, event: events.Key) -> None:
        """While hands are counted, every key for the boxes is taken here, in the order typed (key bindings would
        run later, when the key has reached the app, so a digit typed just after Enter could land first)."""
        if self.shown.stage != "tally":
            return
        character = event.character or ""
        if character.isdigit() and character.isascii():
            self._type_digit(character)
        elif event.key == "backspace":
            self._erase()
        elif event.key == "tab":
            self._choose_box(self.box + 1)
        elif event.key == "shift+tab":
            self._choose_box(self.box - 1)
        elif event.key == "enter":
            if self.box < len(self.question.options) - 1:
                self._choose_box(self.box + 1)
            else:
                await self.save_counts()
        elif event.key == "escape":
            await self.action_escape()
        elif event.key == "j" and self.phones_on():  # the hands of those without a phone, then the phones
            await self.save_counts(then="phones")
        else:
            return
        event.stop()
        event.prevent_default()

    def _type_digit(self, digit: str) -> None:
        key = self.question.options[self.box].key
        typed = "" if self.fresh else self._typed(key)
        self.fresh = False
        if len(typed) < MAX_DIGITS:
            self.query_one(f"#count-{key}", Static).update(typed + digit)

    def _erase(self) -> None:
        key = self.question.options[self.box].key
        self.query_one(f"#count-{key}", Static).update("" if self.fresh else self._typed(key)[:-1])
        self.fresh = False

    def on_click(self, event: events.Click) -> None:
        """A click on an option's row while hands are counted chooses its box."""
        if self.shown.stage != "tally":
            return
        for row in event.widget.ancestors_with_self if event.widget is not None else ():
            if row.has_class("gq-row") and row.id is not None:
                keys = [o.key for o in self.question.options]
                if row.id.removeprefix("row-") in keys:
                    self._choose_box(keys.index(row.id.removeprefix("row-")))
                return

    async def action_previous(self) -> None:
        if self.shown.stage in ("tally", "phones"):
            return
        if self.shown.question > 0:
            await self.go(question=self.shown.question - 1, stage="question", rebuild=True)
        else:
            self.dismiss(None)

    async def action_escape(self) -> None:
        if self.shown.stage == "tally":
            self._say("")
            await self.go(stage="answer")
        elif self.shown.stage == "phones":  # stop answering on phones, counting nothing: back to the options
            phones = getattr(self.app, "phones", None)
            if phones is not None and phones.room is not None:
                phones.room.close()
            await self.go(stage="options", answered=0)
        else:
            self.dismiss(None)

    def action_blank(self) -> None:
        if self.shown.stage == "tally":
            return
        publish(self.app, self.shown.moved(blank=True))

        def unblanked(_result: None) -> None:
            publish(self.app, self.shown)

        self.app.push_screen(BlankScreen(), unblanked)

    def action_theme(self) -> None:
        if self.shown.stage != "tally":
            next_theme(self.app)
