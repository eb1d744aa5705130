"""Each profile has its language: chosen when it is made, changed in Settings, kept; the welcome screen is in the
course's own language (or the one L chose), whatever the last profile read."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from textual.widgets import Button, OptionList, Static

from course.config import Settings
from course.content import load_course
from course.content.library import Courses
from course.i18n import current_language
from course.services.profiles import Profiles
from course.store import Store
from course.ui.home.app import HomeApp
from course.ui.screens.course_map import CourseMapScreen
from course.ui.screens.dialogs import NewProfileDialog
from course.ui.screens.settings import SettingsScreen
from course.ui.screens.welcome import WelcomeScreen
from course.ui.widgets.choices import Choice
from course.ui.widgets.footer import KeyFooter

FIRST_EN = "What IOP Is, and Where the Family Fits"
FIRST_ES = "Qué es el IOP y cuál es el lugar de la familia"
# Words of the course map, the welcome screen and Settings that must not be left in English in Spanish
ENGLISH = ("Course map", "Open lesson", "Take quiz", "My progress", "Settings", "Start", "Continue", "Not started",
           "Quiz not taken", "Profiles", "Progress", "New profile", "About this course", "Who is using",
           "How the course looks", "Dark", "Light", "High contrast", "Delete my data", "Back to course map",
           "Your data", "Quiz")


@cache
def both() -> tuple:
    return load_course(language="en"), load_course(language="es")


def make(tmp_path: Path, language: str = "en") -> HomeApp:
    return HomeApp(Courses(given=both()), Store(tmp_path / "data"), Settings(), tmp_path / "data",
                   language=language)


def screen_text(app: HomeApp) -> str:
    """Every word the screen shows: texts, button labels, list options and the key bar."""
    screen = app.screen
    said = [str(widget.render()) for widget in screen.query(Static) if widget.display]
    said += [str(button.label) for button in screen.query(Button)]
    said += [str(choice.render()) for choice in screen.query(Choice)]
    for options in screen.query(OptionList):
        said += [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
    said += [str(bar.render()) for bar in screen.query(KeyFooter)]
    return "\n".join(said)


def english_in(text: str) -> list[str]:
    return [phrase for phrase in ENGLISH if re.search(rf"\b{re.escape(phrase)}\b", text)]


async def new_profile(pilot, name: str, *, spanish: bool) -> None:
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, NewProfileDialog)
    await pilot.press(*name, "tab")  # to the language
    await pilot.press("right" if spanish else "left", "space")
    await pilot.click("#create")
    await pilot.pause()


async def test_a_profile_made_in_spanish_opens_the_map_in_spanish(tmp_path: Path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_profile(pilot, "Rosa", spanish=True)
        assert isinstance(app.screen, CourseMapScreen)
        assert current_language() == "es"
        text = screen_text(app)
        assert FIRST_ES in text and FIRST_EN not in text
        assert "Mapa del curso de Rosa" in text and "Abrir lección" in text and "Configuración" in text, text
        assert not english_in(text), (english_in(text), text)
        profile_id = app.profiles.all()[0].id
        assert app.profiles.language(profile_id) == "es"
        # Back on the welcome screen, the course's language (English here) and its words again
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert current_language() == "en"
        text = screen_text(app)
        assert "Who is using the course?" in text and "New profile" in text and "Rosa" in text
        assert "Quién" not in text and "Nuevo perfil" not in text


async def test_settings_changes_the_language_of_the_map_and_keeps_it(tmp_path: Path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_profile(pilot, "Sam", spanish=False)
        assert isinstance(app.screen, CourseMapScreen)
        assert FIRST_EN in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.click("#language LanguageOption:last-of-type")  # Español
        await pilot.pause()
        await pilot.pause()
        settings = app.screen
        assert isinstance(settings, SettingsScreen)
        text = screen_text(app)
        assert "Configuración" in text and not english_in(text), (english_in(text), text)
        assert app.focused is not None and app.focused.parent is settings.query_one("#language")
        # the look chosen is still shown as chosen in the new Settings
        assert [item.checked for item in settings.query_one("#theme").items] == [True, False, False]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        text = screen_text(app)
        assert FIRST_ES in text and "Mapa del curso de Sam" in text and not english_in(text), text
        assert len(app.screen_stack) == 2  # the welcome screen and this map: no older map left under it
        # and back to English
        await pilot.press("s")
        await pilot.pause()
        await pilot.click("#language LanguageOption")  # English
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert FIRST_EN in screen_text(app) and "Course map for Sam" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        await pilot.click("#language LanguageOption:last-of-type")
        await pilot.pause()
    # The choice outlives the program: a new app on the same store opens Sam in Spanish
    app = make(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Who is using the course?" in screen_text(app)
        await pilot.press("enter")  # Sam, the only profile
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        text = screen_text(app)
        assert FIRST_ES in text and "Mapa del curso de Sam" in text and not english_in(text), text


async def test_the_welcome_screen_shows_the_other_language_with_l(tmp_path: Path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "l Español" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        text = screen_text(app)
        assert app.default_language == "es" and current_language() == "es"
        assert "l English" in text and not english_in(text), (english_in(text), text)
        await pilot.press("n")  # a new profile now starts in Spanish
        await pilot.pause()
        await pilot.press(*"Rosa")
        await pilot.click("#create")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen) and FIRST_ES in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert current_language() == "es" and "l English" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert "Who is using the course?" in screen_text(app) and app.default_language == "en"
    assert Profiles(Store(tmp_path / "data")).language(Profiles(Store(tmp_path / "data")).all()[0].id) == "es"


async def test_a_profile_without_a_language_keeps_the_course_language(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    store.create_profile("Lee")  # made before profiles kept a language
    store.close()
    app = make(tmp_path, language="es")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
        assert current_language() == "es" and FIRST_ES in screen_text(app)


async def test_deleting_the_profile_brings_back_the_course_language(tmp_path: Path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await new_profile(pilot, "Rosa", spanish=True)
        await pilot.press("s")
        await pilot.pause()
        await pilot.click("#delete")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert current_language() == "en"
        text = screen_text(app)
        assert "No profiles yet" in text and "Nuevo perfil" not in text, text
