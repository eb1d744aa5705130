"""The first screen at home: what the course is, who is using it, and where to get help now."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from course.i18n import LANGUAGES, N_, NAMES, _, current_language
from course.services import StoreError
from course.ui.keys import KeyHelp, Other
from course.ui.literal import literal, visible
from course.ui.navigation import push
from course.ui.screen import FamilyScreen
from course.ui.widgets.button import Button, relabel
from course.ui.widgets.crisis_line import CrisisLine
from course.ui.widgets.footer import KeyFooter

INTRO = N_("Short lessons for families of someone in intensive outpatient treatment (IOP). "
           "This is education, not treatment.")

# Translators: what L does on the first screen: it shows the course in the other language
LANGUAGE_KEY = N_("show the course in Spanish (Español) or in English")
# The screen's words by widget id, translated when shown (and shown again when the language changes)
TEXTS = {"course-name": N_("Family Course"), "intro": INTRO, "who": N_("Who is using the course?")}
BUTTONS = {"new": N_("New profile"), "about": N_("About this course"), "quit": N_("Quit")}


class WelcomeScreen(FamilyScreen[None]):
    CSS_PATH = "welcome.tcss"
    BINDINGS = [
        Binding("n", "new_profile", N_("New profile"), tooltip=N_("make a new profile")),
        Binding("a", "about", N_("About"), tooltip=N_("about this course")),
        # One key shows this screen in the other language (and makes it the one a new profile starts in); each
        # language is named in its own words, and only the one not shown is offered (check_action).
        Binding("l", "language('es')", NAMES["es"], tooltip=LANGUAGE_KEY),
        Binding("l", "language('en')", NAMES["en"], tooltip=LANGUAGE_KEY),
    ]
    KEY_HELP = KeyHelp(N_("Profiles"), BINDINGS, before=(
        Other("up,down,enter", N_("choose your profile"), join="and"),))
    HELP = KEY_HELP.markdown()

    def compose(self) -> ComposeResult:
        self._language = current_language()  # the language of this screen's words
        with Vertical(id="welcome"):
            yield Static(_(TEXTS["course-name"]), id="course-name")
            yield Static(_(TEXTS["intro"]), id="intro", markup=False)
            yield Static(_(TEXTS["who"]), classes="page-title", id="who", markup=False)
            yield OptionList(id="profiles")
            yield Static("", id="no-profiles", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(_(BUTTONS["new"]), id="new", variant="primary")
                yield Button(_(BUTTONS["about"]), id="about")
                yield Button(_(BUTTONS["quit"]), id="quit")
        yield CrisisLine()
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_profiles()

    def on_screen_resume(self) -> None:
        self.app.readers.forget()  # whoever comes next, the last person's reader is not kept
        # Nobody is using the course here: the words are in the language the course started in (or chose with L),
        # whatever the last profile read. (Unless a profile is being opened: a dialog that opened it closes.)
        if self.app.learner is None:
            self.app.set_language(self.app.default_language)
        if self._language != current_language():
            self.show_words()
        else:
            self.refresh_profiles()

    def show_words(self) -> None:
        """Every word of the screen in the language shown now. Changed in place, not made again: the list of
        profiles keeps its size and place, so keys pressed at once still find it laid out."""
        self._language = current_language()
        for widget_id, words in TEXTS.items():
            self.query_one(f"#{widget_id}", Static).update(_(words))
        for button_id, words in BUTTONS.items():
            relabel(self.query_one(f"#{button_id}", Button), _(words))
        self.query_one(CrisisLine).refresh(layout=True)
        self.refresh_bindings()  # the key bar
        self.refresh_profiles()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "language":
            return parameters[0] != current_language()  # only the other language is offered
        return True

    def action_language(self, language: str) -> None:
        """Show the welcome screen (and the help, and what a new profile starts in) in ``language``."""
        if language not in LANGUAGES or language == current_language():
            return
        self.app.default_language = language
        self.app.set_language(language)
        self.show_words()

    def refresh_profiles(self) -> None:
        options = self.query_one("#profiles", OptionList)
        options.clear_options()
        try:
            profiles = self.app.profiles.all()
        except StoreError as error:
            self.app.report_store_error(error)
            profiles = []
        for profile in profiles:
            prompt = literal(profile.name)
            if profile.has_pin:
                prompt = Content.assemble(prompt, ("  " + _("(PIN)"), "italic"))
            options.add_option(Option(prompt, id=profile.id))
        empty = not profiles
        if not empty:
            options.highlighted = 0
        options.display = not empty
        self.query_one("#no-profiles", Static).update(
            _("No profiles yet. Press Enter or choose \u201cNew profile\u201d to begin.") if empty else "")
        (self.query_one("#new", Button) if empty else options).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        profile_id = event.option.id
        if profile_id is None:
            return
        try:
            profile = self.app.profiles.get(profile_id)
        except StoreError as error:
            self.app.report_store_error(error)
            self.refresh_profiles()
            return
        if not profile.has_pin:
            self._open(profile.id, profile.name)
            return

        from course.ui.screens.dialogs import PinDialog

        def check(pin: str) -> str | None:
            return self.app.profiles.check_pin(profile.id, pin)

        def after(pin: str | None) -> None:
            if pin is not None:
                self._open(profile.id, profile.name)

        push(self, PinDialog(_("PIN for {name}").format(name=visible(profile.name)), check), after)

    def _open(self, profile_id: str, name: str) -> None:
        from course.ui.screens.course_map import CourseMapScreen

        app = self.app
        app.learner = app.profiles.learner(profile_id, name)
        theme = app.profiles.theme(profile_id)
        if theme:
            app.apply_theme(theme)
        # The profile's own language; one made before languages were kept reads the course's
        app.set_language(app.profiles.language(profile_id) or app.default_language)
        # The course is read while this screen is shown; in the rare case it is not there yet, the map waits for it.
        app.when_course_ready(lambda: push(self, CourseMapScreen()))

    def action_new_profile(self) -> None:
        from course.ui.screens.dialogs import NewProfile, NewProfileDialog

        def created(result: NewProfile | None) -> None:
            if result is None:
                return
            name = result.name
            try:
                profile_id = self.app.profiles.create(name, pin=result.pin, language=result.language)
            except StoreError as error:
                self.app.report_store_error(error)
                return
            self.refresh_profiles()
            self._open(profile_id, name)

        try:
            taken = self.app.profiles.names()
        except StoreError:
            taken = []
        push(self, NewProfileDialog(taken, language=self.app.default_language), created)

    def action_about(self) -> None:
        from course.ui.screens.about import AboutScreen

        push(self, AboutScreen())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "new":
            self.action_new_profile()
        elif event.button.id == "about":
            self.action_about()
        elif event.button.id == "quit":
            self.app.exit(0)
