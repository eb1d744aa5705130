"""The quiz: one question at a time, feedback for every chosen option, the score, review and retry."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from course.content.model import Lesson, Question
from course.grading import Attempt, Outcome
from course.i18n import N_, _, ngettext
from course.services import StoreError
from course.ui.deferred import after_refresh
from course.ui.keys import KeyHelp, Other, scrolling
from course.ui.navigation import leave, replace
from course.ui.screen import CourseScreen
from course.ui.widgets.button import Button, relabel
from course.ui.widgets.choices import ChoiceList
from course.ui.widgets.crisis_line import CrisisLine
from course.ui.widgets.footer import KeyFooter
from course.ui.widgets.prose import Prose
from course.ui.widgets.scroll_keys import SCROLL_BINDINGS, ScrollKeys


def feedback_markdown(outcome: Outcome, *, reveal: bool) -> str:
    """What the learner sees after answering: the verdict, each chosen option's feedback, then the explanation.

    The verdict is said once: a choose-one answer is not marked again, and a right option's feedback that
    itself opens with "Right." does not say it a third time. In a choose-all question each chosen option is
    marked, since some may be right and some not.
    """
    question = outcome.question
    lines = [_("**✓ Right.**") if outcome.correct else _("**✗ Not quite.**"), ""]
    # Translators: the word a right option's feedback starts with in the quiz files ("Right. Like diabetes...");
    # the quiz leaves it out after saying it once. The Spanish quizzes start with "Correcto."
    opener = _("Right.") + " "
    for option in question.options:
        if option.key in outcome.chosen:
            feedback = option.feedback
            if outcome.correct and feedback.startswith(opener):
                feedback = feedback.removeprefix(opener)
            if not question.multiple:
                chose = _("**You chose:** {answer}")
            elif option.correct:
                chose = _("**✓ You chose:** {answer}")
            else:
                chose = _("**✗ You chose:** {answer}")
            lines += [chose.format(answer=option.text), "", feedback, ""]
    if reveal and not outcome.correct:
        for option in question.options:
            if option.correct and option.key not in outcome.chosen:
                lines += [_("**✓ A right answer:** {answer}").format(answer=option.text), "", option.feedback, ""]
    if question.explanation:
        lines += [f"*{question.explanation}*", ""]
    return "\n".join(lines)


def begin_quiz(app: Any, lesson: Lesson, attempt: Attempt | None = None) -> Screen[None]:
    """The screen that carries on with ``lesson``'s quiz: the attempt left open last time, if there is one, at
    its first unanswered question; else ``attempt`` (a retry) or a new attempt at the whole quiz.

    An open attempt whose every question was answered (the app stopped before the score was shown) goes straight
    to its result.
    """
    assert lesson.quiz is not None
    learner = app.learner
    resumed = False
    if attempt is None:
        try:
            saved = learner.open_quiz(lesson.id)
        except StoreError as error:
            app.report_store_error(error)
            saved = None
        if saved is not None:
            attempt = Attempt.resumed(lesson.quiz, saved.question_ids, saved.already_right, saved.answers)
            resumed = attempt is not None
    if attempt is None:
        attempt = Attempt.full(lesson.quiz)
    if not resumed:
        try:
            learner.start_quiz(lesson.id, attempt.question_ids, sorted(attempt.already_right))
        except StoreError as error:
            app.report_store_error(error)
    elif attempt.finished:
        return finish_quiz(app, lesson, attempt)
    return QuizScreen(lesson, attempt, resumed=resumed)


def finish_quiz(app: Any, lesson: Lesson, attempt: Attempt) -> Screen[None]:
    """Record the attempt's score; the screen that shows it."""
    try:
        app.learner.record_quiz(lesson.id, attempt.score, attempt.total, attempt.passed)
    except StoreError as error:
        app.report_store_error(error)
    return QuizResultScreen(lesson, attempt)


NEXT_QUESTION = N_("the next question, once the answer is checked")
SCROLL_QUESTION = N_("scroll a question that is longer than the window")


class QuizScreen(CourseScreen[None]):
    CSS_PATH = "quiz.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"choose({n})", show=False, tooltip=N_("choose an answer by its number"))
          for n in range(1, 10)),
        Binding("c", "check", N_("Check answer"), tooltip=N_("check the answer")),
        Binding("n", "advance", N_("Next question"), tooltip=NEXT_QUESTION),
        Binding("enter", "advance", show=False, tooltip=NEXT_QUESTION),
        Binding("c", "advance", show=False),  # C again, once the answer is checked, moves on too
        Binding("up", "scroll(-1)", show=False),  # (the answers take Up and Down while they have the focus)
        Binding("down", "scroll(1)", show=False),
        Binding("pageup", "scroll(-10)", show=False, tooltip=SCROLL_QUESTION),
        Binding("pagedown", "scroll(10)", show=False, tooltip=SCROLL_QUESTION),
        Binding("escape", "leave", N_("Course map"),
                tooltip=N_("back to the course map; your answers are kept, and the quiz carries on where you "
                           "stopped")),
    ]
    KEY_HELP = KeyHelp(N_("Quiz"), BINDINGS, before=(
        Other("up,down", N_("move between the answers")),
        Other("space,enter", N_("choose an answer (it is not checked yet)")),
    ))
    HELP = KEY_HELP.markdown()

    def __init__(self, lesson: Lesson, attempt: Attempt | None = None, *, resumed: bool = False) -> None:
        """``attempt``: the attempt to carry on with (see ``begin_quiz``), at its first unanswered question."""
        super().__init__()
        assert lesson.quiz is not None
        self.lesson = lesson
        self.attempt = attempt or Attempt.full(lesson.quiz)
        self.position = min(self.attempt.first_unanswered(), len(self.attempt.question_ids) - 1)
        self.answered = False
        self.resumed = resumed

    @property
    def question(self) -> Question:
        return self.attempt.questions[self.position]

    def compose(self) -> ComposeResult:
        with Vertical(id="quiz"):
            with Horizontal(id="quiz-top"):
                yield Static(_("Quiz: {title}").format(title=self.lesson.title), markup=False, id="quiz-title")
                yield Static("", id="question-count")
            # The question's widgets are made once and refilled for each question (see show_question).
            with VerticalScroll(id="quiz-page"), Vertical(classes="reading", id="question-area"):
                yield Static("", markup=False, id="question-title")
                yield Prose(id="prompt")
                yield Static("", classes="how-to-answer")
                most = max(len(question.options) for question in self.attempt.questions)
                yield ChoiceList([], multiple=False, id="choices", room_for=most)
                yield Prose(id="feedback")
            with Horizontal(id="quiz-nav"):
                yield Button(_("Check answer"), id="check", variant="primary")
                yield Button(_("Course map"), id="map")
        yield CrisisLine()
        yield KeyFooter()

    async def on_mount(self) -> None:
        await self.show_question()
        if self.resumed and self.position:
            self.app.notify(ngettext("Welcome back. You had answered {count} question; here is question {number}.",
                                     "Welcome back. You had answered {count} questions; here is question {number}.",
                                     self.position).format(count=self.position, number=self.position + 1),
                            timeout=6)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "check":
            return not self.answered
        if action == "advance":
            return self.answered
        return True

    async def show_question(self) -> None:
        question = self.question
        self.answered = False
        count = len(self.attempt.question_ids)
        said = (_("Question {number} of {total}") if count == len(self.attempt.quiz.questions)
                else _("Retry question {number} of {total}"))
        self.query_one("#question-count", Static).update(said.format(number=self.position + 1, total=count))
        self.query_one("#question-title", Static).update(question.title)
        self.query_one("#prompt", Prose).show(question.prompt)
        how = _("Choose all that apply.") if question.multiple else _("Choose one answer.")
        if how.casefold().rstrip(".") in " ".join(question.prompt.split()).casefold():
            how = ""  # the question already says so
        self.query_one(".how-to-answer", Static).update(how)
        choices = self.query_one("#choices", ChoiceList)
        await choices.replace_options([(o.key, o.text) for o in question.options], multiple=question.multiple)
        feedback = self.query_one("#feedback", Prose)
        feedback.show("")
        feedback.display = False
        # The Check button stays enabled (pressed too soon, it says to choose an answer first): disabling and
        # enabling it restyled the screen on every question. The page is scrolled to its top, where the first
        # option is, so focusing it needs no scrolling.
        self.query_one("#quiz-page", VerticalScroll).scroll_home(animate=False)
        choices.items[0].focus(scroll_visible=False)
        relabel(self.query_one("#check", Button), _("Check answer"))
        self.refresh_bindings()
        after_refresh(self, self._prepare_next_prompt)

    def _prepare_next_prompt(self) -> None:
        """Draw the next question's text now, while this one is answered, so moving on is quicker."""
        if self.position < len(self.attempt.question_ids) - 1:
            upcoming = self.attempt.questions[self.position + 1]
            self.query_one("#prompt", Prose).prepare(upcoming.prompt)

    def _prepare_feedback(self, chosen: list[str]) -> None:
        """Draw the feedback for the options chosen so far, so checking the answer shows it at once."""
        if not chosen:
            return
        outcome = Outcome(self.question, frozenset(chosen))
        area = self.query_one("#question-area", Vertical)
        self.query_one("#feedback", Prose).prepare(feedback_markdown(outcome, reveal=False),
                                                    within=area.content_size.width)

    def action_scroll(self, lines: int) -> None:
        self.query_one("#quiz-page", VerticalScroll).scroll_relative(y=lines, animate=False)

    def on_choice_list_changed(self, event: ChoiceList.Changed) -> None:
        if not self.answered:
            after_refresh(self, self._prepare_feedback, event.choices.selected)

    def action_choose(self, number: int) -> None:
        if not self.answered:
            self.query_one("#choices", ChoiceList).choose_number(number)

    async def action_check(self) -> None:
        if self.answered:
            await self.advance()
            return
        choices = self.query_one("#choices", ChoiceList)
        chosen = choices.selected
        if not chosen:
            self.app.notify(_("Choose an answer first."), timeout=3)
            return
        outcome = self.attempt.answer(self.question.id, chosen)
        self.answered = True
        try:
            self.app.active_learner.record_answer(self.lesson.id, self.question.id, sorted(chosen), outcome.correct)
        except StoreError as error:
            self.app.report_store_error(error)
        choices.lock_answers({key: ("right" if self.question.option(key).correct else "wrong") for key in chosen})
        feedback = self.query_one("#feedback", Prose)
        feedback.show(feedback_markdown(outcome, reveal=False))
        feedback.display = True
        check = self.query_one("#check", Button)
        last = self.position == len(self.attempt.question_ids) - 1
        relabel(check, _("See my score") if last else _("Next question"))
        check.focus()
        self.refresh_bindings()
        page = self.query_one("#quiz-page", VerticalScroll)
        after_refresh(self, page.scroll_to_widget, feedback, animate=False, top=True)

    async def action_advance(self) -> None:
        if self.answered:
            await self.advance()

    async def advance(self) -> None:
        if self.position < len(self.attempt.question_ids) - 1:
            self.position += 1
            await self.show_question()
            return
        replace(self, finish_quiz(self.app, self.lesson, self.attempt))

    def action_leave(self) -> None:
        leave(self)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "check":
            await self.action_check()
        elif event.button.id == "map":
            self.action_leave()


class QuizResultScreen(ScrollKeys, Screen[None]):
    CSS_PATH = "quiz.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "review", N_("Review missed"),
                tooltip=N_("review what you missed (each question, your answer, the right one and why)")),
        Binding("t", "retry", N_("Retry missed"), tooltip=N_("try the questions you missed again")),
        Binding("escape", "leave", N_("Course map"), tooltip=N_("back to the course map")),
        *SCROLL_BINDINGS,
    ]
    KEY_HELP = KeyHelp(N_("Quiz result"), BINDINGS, says=scrolling(N_("scroll the review")),
                       last=("leave",))
    HELP = KEY_HELP.markdown()
    SCROLL_AREA = "#result-page"

    def __init__(self, lesson: Lesson, attempt: Attempt) -> None:
        super().__init__()
        self.lesson = lesson
        self.attempt = attempt

    def compose(self) -> ComposeResult:
        attempt = self.attempt
        missed = attempt.missed()
        verdict = (_("You passed. Well done.") if attempt.passed else
                   _("Not passed yet. That is fine: review what you missed, then try those questions again."))
        score = _("**{score} of {total} right ({percent}%).** The pass mark is {pass_mark}%.").format(
            score=attempt.score, total=attempt.total, percent=attempt.percent, pass_mark=attempt.quiz.pass_mark)
        text = "\n\n".join((_("## Your score"), score, verdict))
        if not missed:
            text += "\n\n" + _("You got every question in this round right.")
        with VerticalScroll(id="result-page"), Vertical(classes="reading"):
            yield Prose(text, id="score")
            yield Prose(id="review")
        with Horizontal(id="quiz-nav"):
            if missed:
                yield Button(_("Review what I missed"), id="review-button", variant="primary")
                yield Button(_("Retry the questions I missed"), id="retry")
            yield Button(_("Back to course map"), id="map", variant="default" if missed else "primary")
        yield CrisisLine()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#review").display = False
        self.query("Button").first().focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("review", "retry"):
            return bool(self.attempt.missed())  # a full pass has nothing to review or retry
        return True

    async def action_review(self) -> None:
        missed = self.attempt.missed()
        if not missed:
            return
        parts = [_("## What I missed"), ""]
        for outcome in missed:
            parts += [f"### {outcome.question.title}", "", outcome.question.prompt, "",
                      feedback_markdown(outcome, reveal=True)]
        review = self.query_one("#review", Prose)
        review.show("\n".join(parts))
        review.display = True
        page = self.query_one("#result-page", VerticalScroll)
        after_refresh(self, page.scroll_to_widget, review, animate=False, top=True)

    def action_retry(self) -> None:
        retry = self.attempt.retry()
        if retry.question_ids:
            replace(self, begin_quiz(self.app, self.lesson, retry))

    def action_leave(self) -> None:
        leave(self)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "review-button":
                await self.action_review()
            case "retry":
                self.action_retry()
            case "map":
                self.action_leave()
