"""The course map: every lesson in order with its status, and one obvious way to carry on."""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from course.content.model import Lesson, Unavailable
from course.i18n import N_, _
from course.progress import continue_label, next_lesson, score_text, state_of, status_mark, status_text
from course.services import StoreError
from course.ui import console
from course.ui.deferred import after_refresh
from course.ui.keys import KeyHelp, Other
from course.ui.literal import literal
from course.ui.navigation import on_top, push
from course.ui.screen import CourseScreen
from course.ui.widgets.button import Button
from course.ui.widgets.crisis_line import CrisisLine
from course.ui.widgets.footer import KeyFooter

BROKEN = "unavailable lesson "  # the option id of a lesson that could not load (and its place); never a lesson id
NBSP = "\u00a0"  # a list option trims leading spaces; these indent its second line


class CourseMapScreen(CourseScreen[None]):
    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = "course_map.tcss"  # (a kiosk adds its own)
    BINDINGS = [
        Binding("c", "continue", N_("Continue"), tooltip=N_("continue where you left off")),
        Binding("q", "quiz", N_("Quiz"), tooltip=N_("take (or carry on with) the highlighted lesson's quiz")),
        Binding("p", "progress", N_("Progress"), tooltip=N_("my progress, journal, record and cards to print")),
        Binding("s", "settings", N_("Settings"),
                tooltip=N_("settings (language, how the course looks, delete my data)")),
        Binding("escape", "leave", N_("Profiles"), tooltip=N_("back to the list of profiles")),
    ]
    KEY_HELP = KeyHelp(N_("Course map"), BINDINGS, before=(
        Other("up,down,home,end,pageup,pagedown", N_("move through the lessons")),
        Other("enter", N_("open the highlighted lesson")),
    ))
    HELP = KEY_HELP.markdown()

    _upcoming: Lesson | None = None

    def lessons(self) -> list[Lesson]:
        return list(self.app.course.lessons)

    def remade(self) -> CourseMapScreen:
        """A fresh course map, for Settings to put in this one's place when the language changes."""
        return CourseMapScreen()

    def compose(self) -> ComposeResult:
        with Vertical(id="course-map"):
            yield Static(id="map-title", classes="page-title")
            with Horizontal(id="continue-row"):
                yield Button(_("Continue"), id="continue", variant="primary")
            yield OptionList(id="lessons")
            with Horizontal(classes="buttons"):
                yield Button(_("Open lesson"), id="open")
                yield Button(_("Take quiz"), id="quiz")
                yield Button(_("My progress"), id="progress")
                yield Button(_("Settings"), id="settings")
        yield CrisisLine()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_map()
        options = self.query_one("#lessons", OptionList)
        if self._upcoming is not None:  # the lesson to continue (the first, for a new profile) is highlighted
            options.highlighted = next(n for n, lesson in enumerate(self.lessons()) if lesson is self._upcoming)
        options.focus()
        after_refresh(self, self._prepare_next_screens)

    def _prepare_next_screens(self) -> None:
        """Once the map is on screen: read the reader's and the quiz's CSS, and make the reader (at home).

        See CourseApp.preload_css and course.ui.readers.
        """
        from course.ui.screens.quiz import QuizScreen
        from course.ui.screens.reader import ReaderScreen

        if self.app.screen is not self:
            return
        lessons = self.lessons()
        with_quiz = [lesson for lesson in lessons if lesson.quiz is not None]
        screens: list[Screen] = [ReaderScreen(lessons[0])] if lessons else []
        if with_quiz:
            screens.append(QuizScreen(with_quiz[0]))
        self.app.preload_css(*screens)
        if lessons:
            self.app.readers.make_ahead(lessons[0])

    def on_screen_resume(self) -> None:
        self.refresh_map()

    def refresh_map(self) -> None:
        learner = self.app.learner
        if learner is None:  # the profile was just deleted; the welcome screen is coming back
            return
        title = literal(_("Course map for {name}").format(name=learner.name))
        self.query_one("#map-title", Static).update(title)
        try:
            states = learner.lesson_states()
        except StoreError as error:
            self.app.report_store_error(error)
            states = {}
        try:
            open_quizzes = learner.open_quizzes()
        except StoreError:
            open_quizzes = {}
        lessons = self.lessons()
        options = self.query_one("#lessons", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        for number, lesson in enumerate(lessons, 1):
            state = state_of(states, lesson)
            try:
                best = learner.best_quiz(lesson.id)
            except StoreError:
                best = None
            details = " · ".join(p for p in (_("{minutes} min").format(minutes=lesson.minutes),
                                             status_text(lesson, state),
                                             score_text(lesson, best, open_quizzes.get(lesson.id))) if p)
            mark = console.marks(self.app, status_mark(state.status))
            prompt = Content.assemble((f"{mark} {number}. ", "bold"),
                                      (lesson.title, "bold"), "\n" + NBSP * 6, Content(details))
            options.add_option(Option(prompt, id=lesson.id))
        # Broken lessons are listed, and reachable, so that the reason can be read (opening one says it again).
        for number, broken in enumerate(self.unavailable_lessons(), 1):
            prompt = Content.assemble(("✗ ", "bold"), Content(_("{title} (unavailable)").format(title=broken.title)),
                                      "\n" + NBSP * 6, Content(_("This lesson could not be loaded: {reason}").format(
                                          reason=broken.reason)))
            options.add_option(Option(prompt, id=f"{BROKEN}{number}"))
        if options.option_count:
            keep = highlighted is not None and highlighted < options.option_count
            options.highlighted = highlighted if keep else 0
        upcoming = next_lesson(lessons, states)
        button = self.query_one("#continue", Button)
        button.label = Content(continue_label(upcoming, states))
        button.refresh(layout=True)  # a longer label than the last one needs a wider button
        self._upcoming = upcoming

    def unavailable_lessons(self) -> list[Unavailable]:
        """Lessons that could not be read: listed, so that whoever keeps the course can see and mend them."""
        return list(self.app.course.unavailable)

    def _highlighted_lesson(self) -> Lesson | None:
        options = self.query_one("#lessons", OptionList)
        if options.highlighted is None:
            return None
        option = options.get_option_at_index(options.highlighted)
        if self._tell_if_broken(option.id):
            return None
        return next((lesson for lesson in self.lessons() if lesson.id == option.id), None)

    def _tell_if_broken(self, option_id: str | None) -> bool:
        """If ``option_id`` is a lesson that could not be loaded, say why and return True."""
        if option_id is None or not option_id.startswith(BROKEN):
            return False
        broken = self.unavailable_lessons()[int(option_id.removeprefix(BROKEN)) - 1]
        self.app.notify(_("\u201c{title}\u201d could not be loaded, so it cannot be opened: {reason}").format(
            title=broken.title, reason=broken.reason), title=_("Lesson unavailable"), severity="warning", timeout=10,
            markup=False)
        return True

    def open_lesson(self, lesson: Lesson) -> None:
        push(self, self.app.readers.reader_for(lesson))

    def open_quiz(self, lesson: Lesson) -> None:
        from course.ui.screens.quiz import begin_quiz

        if lesson.quiz is None:
            self.app.notify(lesson.quiz_problem or _("This lesson has no quiz."), markup=False)
            return
        push(self, begin_quiz(self.app, lesson))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self._tell_if_broken(event.option.id):
            return
        lesson = next((item for item in self.lessons() if item.id == event.option.id), None)
        if lesson is not None:
            self.open_lesson(lesson)

    def action_continue(self) -> None:
        if self._upcoming is None:
            self.action_progress()
        else:
            self.open_lesson(self._upcoming)

    def action_quiz(self) -> None:
        lesson = self._highlighted_lesson()
        if lesson is not None:
            self.open_quiz(lesson)

    def action_progress(self) -> None:
        from course.ui.screens.progress import ProgressScreen

        push(self, ProgressScreen())

    def action_settings(self) -> None:
        from course.ui.screens.settings import SettingsScreen

        push(self, SettingsScreen())

    def action_leave(self) -> None:
        if on_top(self):
            self.app.save_open_work()
            self.app.learner = None
            self.app.pop_screen()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "continue":
                self.action_continue()
            case "open":
                lesson = self._highlighted_lesson()
                if lesson is not None:
                    self.open_lesson(lesson)
            case "quiz":
                self.action_quiz()
            case "progress":
                self.action_progress()
            case "settings":
                self.action_settings()
