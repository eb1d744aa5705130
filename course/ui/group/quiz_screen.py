"""The quiz as a group: the question, then the options, then a show of hands, then the answer and the tally."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Label, Markdown, Static

from course.content.model import Lesson, Question
from course.group.shown import Shown
from course.group.tally import bar_lines, option_label, parse_count
from course.store.errors import StoreError
from course.store.records import GroupSession
from course.ui.group.projector import BlankScreen, next_theme, publish

RIGHT_MARK = "\u2713 "

HINTS = {
    "question": "Enter: show the options   \u2190 previous   B blank   Esc: the lesson",
    "options": "Enter: count hands   \u2190 previous   B blank   Esc: the lesson",
    "tally": "Hands for each option, Enter after each   Esc: skip the count",
    "answer": "Enter: next question   \u2190 previous   B blank   Esc: the lesson",
}


def answer_markdown(question: Question) -> str:
    """The right answer(s), each with its feedback, then the explanation."""
    right = [(i, o) for i, o in enumerate(question.options) if o.correct]
    heading = "Right answer" if len(right) == 1 else "Right answers"
    lines = [f"**{heading}: {', '.join(option_label(i) for i, _ in right)}**", ""]
    for i, option in right:
        lines += [f"**{option_label(i)}.** {option.text}", "", option.feedback, ""]
    if question.explanation:
        lines += [f"*{question.explanation}*", ""]
    return "\n".join(lines)


class GroupQuizScreen(Screen[str]):
    CSS_PATH = "quiz_screen.tcss"
    HELP = ("**Group quiz**\n\n1. The room sees the question. **Enter** shows the options.\n"
            "2. Ask for a show of hands for each option. **Enter** opens the count boxes.\n"
            "3. Type a count for each option (**Tab** or **Enter** moves on), then **Enter** on the last box "
            "shows the right answer and the tally. **Escape** skips the count.\n4. **Enter**: next question. "
            "After the last one you are asked to finish the session.\n\n- **Left** or **P**: previous "
            "question\n- **B**: blank the screen\n- **T**: change the theme\n- **Escape**: back to the lesson")
    BINDINGS = [
        Binding("right,n,enter,space", "advance", "Next", show=False),
        Binding("left,p", "previous", "Previous question", show=False),
        Binding("b", "blank", "Blank", show=False),
        Binding("t", "theme", "Theme", show=False),
        Binding("escape", "escape", "Back", show=False),
    ]

    def __init__(self, session: GroupSession, lesson: Lesson, shown: Shown) -> None:
        super().__init__()
        assert lesson.quiz is not None
        self.session = session
        self.lesson = lesson
        self.questions = lesson.quiz.questions
        self.shown = shown.moved(phase="quiz", question=0, stage="question", blank=False)
        self.tallies: dict[str, dict[str, int]] = {q: dict(c) for q, c in session.tallies.items()}

    @property
    def question(self) -> Question:
        return self.questions[self.shown.question]

    def compose(self) -> ComposeResult:
        with Vertical(id="gquiz"):
            with Horizontal(id="gq-top"):
                yield Static(f"Quiz: {self.lesson.title}", markup=False, id="gq-lesson")
                yield Static("", id="gq-count")
            with VerticalScroll(id="gq-page"), Vertical(id="gq-reading"):
                yield Markdown("", id="gq-prompt", open_links=False)
                yield Static("", id="gq-options", markup=False)
                yield Horizontal(id="gq-counts")
                yield Static("", id="gq-error", classes="error-text", markup=False)
                yield Static("", id="gq-chart", markup=False)
                yield Markdown("", id="gq-answer", open_links=False)
            yield Static("", id="gq-hint")

    async def on_mount(self) -> None:
        await self.show(rebuild=True)

    async def show(self, *, rebuild: bool = False) -> None:
        question, stage = self.question, self.shown.stage
        self.query_one("#gq-count", Static).update(f"Question {self.shown.question + 1} of {len(self.questions)}")
        if rebuild:
            how = "Choose all that apply." if question.multiple else "Choose one."
            await self.query_one("#gq-prompt", Markdown).update(f"# {question.title}\n\n{question.prompt}\n\n*{how}*")
            counts = self.query_one("#gq-counts", Horizontal)
            await counts.remove_children()
            await counts.mount_all(self._count_box(i, o.key) for i, o in enumerate(question.options))
            self.query_one("#gq-error", Static).update("")
        revealed = stage != "question"
        answered = stage == "answer"
        options = self.query_one("#gq-options", Static)
        options.display = revealed
        options.update("\n\n".join(
            f"{option_label(i)}. {RIGHT_MARK if answered and o.correct else ''}{o.text}"
            for i, o in enumerate(question.options)))
        self.query_one("#gq-counts", Horizontal).display = stage == "tally"
        chart = self.query_one("#gq-chart", Static)
        chart.display = answered
        chart.update(self._chart_text())
        answer = self.query_one("#gq-answer", Markdown)
        answer.display = answered
        await answer.update(answer_markdown(question) if answered else "")
        self.query_one("#gq-hint", Static).update(HINTS[stage])
        page = self.query_one("#gq-page", VerticalScroll)
        if stage == "tally":
            self.query(Input).first().focus()
            self.call_after_refresh(page.scroll_to_widget, self.query_one("#gq-counts"), animate=False)
        else:
            page.focus()
            if rebuild:
                page.scroll_home(animate=False)
            elif answered:  # the tally and the answer, in view of the room
                self.call_after_refresh(page.scroll_to_widget, chart, animate=False, top=True)
        publish(self.app, self.shown)

    def _count_box(self, index: int, key: str) -> Horizontal:
        saved = self.tallies.get(self.question.id, {}).get(key)
        box = Input("" if saved is None else str(saved), restrict=r"[0-9]*", max_length=3, id=f"count-{key}",
                    classes="count-input")
        return Horizontal(Label(option_label(index), classes="count-label"), box, classes="count-box")

    def _chart_text(self) -> str:
        counts = self.tallies.get(self.question.id)
        if counts is None:
            return "Hands were not counted for this question."
        labels = [(k, option_label(i), o.correct) for i, o in enumerate(self.question.options) for k in [o.key]]
        total = sum(counts.values())
        return f"Show of hands ({total} in all)\n\n" + "\n".join(bar_lines(labels, counts))

    async def go(self, *, rebuild: bool = False, **changes) -> None:
        self.shown = self.shown.moved(**changes)
        await self.show(rebuild=rebuild)

    async def action_advance(self) -> None:
        match self.shown.stage:
            case "question":
                await self.go(stage="options")
            case "options":
                await self.go(stage="tally")
            case "tally":
                await self.save_counts()
            case "answer":
                if self.shown.question < len(self.questions) - 1:
                    await self.go(question=self.shown.question + 1, stage="question", rebuild=True)
                else:
                    self.dismiss("finish")

    async def save_counts(self) -> None:
        counts: dict[str, int] = {}
        for option in self.question.options:
            try:
                value = parse_count(self.query_one(f"#count-{option.key}", Input).value)
            except ValueError as problem:
                self.query_one("#gq-error", Static).update(f"{option_label(self.question.options.index(option))}: "
                                                           f"{problem}")
                return
            if value is not None:
                counts[option.key] = value
        if counts:
            full = {o.key: counts.get(o.key, 0) for o in self.question.options}
            try:
                self.app.store.record_tally(self.session.id, self.question.id, full)
            except StoreError as error:
                self.app.report_store_error(error)
                return
            self.tallies[self.question.id] = full
        self.query_one("#gq-error", Static).update("")
        await self.go(stage="answer")

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        boxes = list(self.query(Input))
        position = boxes.index(event.input)
        if position < len(boxes) - 1:
            boxes[position + 1].focus()
        else:
            await self.save_counts()

    async def action_previous(self) -> None:
        if self.shown.stage == "tally":
            return
        if self.shown.question > 0:
            await self.go(question=self.shown.question - 1, stage="question", rebuild=True)
        else:
            self.dismiss(None)

    async def action_escape(self) -> None:
        if self.shown.stage == "tally":
            self.query_one("#gq-error", Static).update("")
            await self.go(stage="answer")
        else:
            self.dismiss(None)

    def action_blank(self) -> None:
        if self.shown.stage == "tally":
            return
        publish(self.app, self.shown.moved(blank=True))

        def unblanked(_: None) -> None:
            publish(self.app, self.shown)

        self.app.push_screen(BlankScreen(), unblanked)

    def action_theme(self) -> None:
        if self.shown.stage != "tally":
            next_theme(self.app)
