"""The shared parts of every screen in Spanish: the key bar, the help and crisis dialogs, the crisis line, the names
of keys, the too-small screen, About, and what is printed before the app starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.binding import Binding

from course.config import Settings
from course.content.texts import about_text, crisis_line
from course.i18n import use_language
from course.store import Store
from course.ui.app import CourseApp
from course.ui.home.app import HomeApp
from course.ui.keys import KeyHelp, Other, everywhere, key_line, key_name, key_names, keys_phrase
from course.ui.keys_table import table
from course.ui.screens.about import AboutScreen
from course.ui.screens.help import CrisisScreen, HelpScreen
from course.ui.screens.too_small import TooSmallScreen
from course.ui.widgets.crisis_line import CrisisLine, crisis_hint_line
from course.ui.widgets.footer import KeyFooter
from tests.ui.helpers import small_course

# Sentences of the shared screens that must not be left in English in Spanish.
ENGLISH = ("Crisis help", "Help", "Quit", "Everywhere", "go back", "press the highlighted button",
           "You can also click anything with the mouse", "move between buttons and boxes", "More help",
           "everything is saved", "on a Mac")


def spanish_app(tmp_path: Path, settings: Settings | None = None) -> HomeApp:
    return HomeApp(small_course(tmp_path / "content"), Store(tmp_path / "data"), settings or Settings(),
                   tmp_path / "data", language="es")


def bar_text(app: CourseApp) -> str:
    return str(app.screen.query_one(KeyFooter).render())


def crisis_line_text(app: CourseApp) -> str:
    return str(app.screen.query_one(CrisisLine).render())


async def test_the_key_bar_speaks_spanish(tmp_path: Path) -> None:
    app = spanish_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = bar_text(app)
        assert "Ayuda en crisis" in bar and "Ayuda" in bar and "Salir" in bar, bar
        assert "Crisis help" not in bar and "Help" not in bar and "Quit" not in bar, bar


async def test_the_help_dialog_on_the_welcome_screen_has_no_english_sentence(tmp_path: Path) -> None:
    app = spanish_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("question_mark")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, HelpScreen)
        text = dialog.text
        assert dialog.title_text == "Ayuda"
        assert "**En todas partes**" in text and "**F2** o **!**: ayuda en crisis (teléfonos)" in text
        assert "**Tab** y **Shift+Tab**" in text and "**Esc**: volver" in text
        assert not [words for words in ENGLISH if words in text], text
        # Every line of the dialog differs from the same dialog in English (the welcome screen's own lines too)
        use_language("en")
        english = app.screen_help(screen) + "\n\n" + app.general_help_text()
        use_language("es")
        same = [line for line in text.split("\n") if line.strip() and line in english.split("\n")]
        assert not same, same
        assert str(dialog.query_one("#close").label) == "Cerrar"


async def test_crisis_help_and_about_are_in_spanish(tmp_path: Path) -> None:
    app = spanish_app(tmp_path, Settings(clinic_name="Clínica Río", clinic_phone="555-0100"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CrisisScreen)
        assert dialog.title_text == "Ayuda en crisis"
        assert "911" in dialog.text and "988" in dialog.text and "**Clínica Río:**" in dialog.text
        assert "Llame" in dialog.text and "Call" not in dialog.text
        await pilot.press("escape")
        await pilot.pause()
        app.push_screen(AboutScreen())
        await pilot.pause()
        title = about_text("es").partition("\n")[0].lstrip("# ")
        assert str(app.screen.query_one(".page-title").render()) == title
        assert str(app.screen.query_one("#back").label) == "Volver"
        assert "Back" not in bar_text(app) and "Volver" in bar_text(app)
        assert "**Acerca de este curso**" in app.screen_help(app.screen)


async def test_the_crisis_line_fits_80_columns_in_spanish_with_911_and_988(tmp_path: Path) -> None:
    app = spanish_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        line = crisis_line_text(app)
        widget = app.screen.query_one(CrisisLine)
        assert len(line) <= widget.content_size.width, line
        assert line.startswith(crisis_line("es")) and "911" in line and "988" in line
        assert line.endswith("F2 o !"), line  # the keys still named, in Spanish
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert crisis_line_text(app) == crisis_line("es") + "  Más ayuda: F2 o !"


def test_the_crisis_line_shortens_its_hint_never_the_numbers() -> None:
    assert crisis_hint_line(200) == "In crisis? Call or text 988. In danger now? Call 911.  More help: F2 or !"
    use_language("es")
    line = crisis_line("es")
    assert crisis_hint_line(200) == f"{line}  Más ayuda: {'F2 o !'}"
    assert crisis_hint_line(len(line) + 13) == f"{line}  Más: F2 o !"
    assert crisis_hint_line(78) == f"{line}  F2 o !"
    assert crisis_hint_line(len(line) + 4) == f"{line}  F2"
    assert crisis_hint_line(len(line)) == line


def test_key_names_in_spanish() -> None:
    use_language("es")
    assert key_name("space") == "Espacio" and key_name("escape") == "Esc" and key_name("up") == "Arriba"
    assert key_name("ctrl+q") == "Ctrl+Q" and key_name("enter") == "Enter" and key_name("f2") == "F2"
    assert keys_phrase(["up", "down", "pageup", "pagedown", "home", "end"]) == (
        "**Arriba/Abajo**, **Page Up/Down** o **Home/End**")
    assert keys_phrase([str(n) for n in range(1, 10)]) == "**1** a **9**"
    assert keys_phrase(["tab", "shift+tab"], "and") == "**Tab** y **Shift+Tab**"
    assert key_names(["left", "right", "space"]) == ["Izquierda/Derecha", "Espacio"]
    assert key_name("escape", short=True) == "Esc" and key_names(["up", "down"], short=True) == ["\u2191\u2193"]


def test_help_and_key_lines_are_translated_when_shown() -> None:
    """KEY_HELP and BINDINGS are made at import time, in English: they are translated each time they are shown."""
    key_help = everywhere(CourseApp.BINDINGS)
    english = key_help.markdown()
    use_language("es")
    spanish = key_help.markdown()
    assert spanish.startswith("**En todas partes**") and "- **Ctrl+Q**: salir (todo queda guardado" in spanish
    assert "También puede hacer clic en cualquier cosa con el mouse." in spanish
    assert not [words for words in ENGLISH if words in spanish]
    line = key_line([Binding("escape", "leave", "Back"), *CourseApp.BINDINGS],
                    before=(Other("enter", "", short="Choose"),), prefix="Choose")
    assert line == ("ElegirEnter Elegir \u00b7 F2 ayuda en crisis \u00b7 ? ayuda \u00b7 Ctrl+Q salir \u00b7 "
                    "Esc volver"), line
    use_language("en")
    assert key_help.markdown() == english
    assert KeyHelp("About this course").markdown() == "**About this course**"


def test_the_readme_table_of_keys_stays_english() -> None:
    english = table()
    use_language("es")
    assert table() == english and "| everywhere |" in english and "Espacio" not in english


async def test_the_too_small_screen_in_spanish(tmp_path: Path) -> None:
    app = spanish_app(tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        text = str(app.screen.query_one("#too-small").render())
        assert "agrande esta ventana" in text and "80 columnas y 24 filas" in text
        assert crisis_line("es") in text and "Please" not in text


async def test_a_kept_reader_is_not_reused_in_another_language(tmp_path: Path) -> None:
    from course.ui.readers import ReaderPool

    store = Store(tmp_path / "data")
    store.create_profile("Sam")
    app = HomeApp(small_course(tmp_path / "content"), store, Settings(), tmp_path / "data")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # Sam's course map: a reader is made ahead
        await pilot.pause()
        assert isinstance(app.readers, ReaderPool)
        lesson = app.course.lessons[0]
        english = app.readers.reader_for(lesson)
        assert app.readers.reader_for(lesson) is english
        app.set_language("es")
        spanish = app.readers.reader_for(app.course.lessons[0])
        assert spanish is not english and app.readers.kept() == [spanish]
        assert app.readers.reader_for(app.course.lessons[0]) is spanish


def test_an_unusable_data_folder_is_explained_in_spanish(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("no es una carpeta", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "course", "--lang", "es", "--data-dir", str(blocker / "data")],
                            capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 1
    assert f"no se puede usar la carpeta de datos {blocker / 'data'}" in result.stderr, result.stderr
    assert "Elija otra carpeta con --data-dir" in result.stderr
    assert "cannot use" not in result.stderr and "Traceback" not in result.stderr


def test_settings_file_problems_in_spanish(tmp_path: Path) -> None:
    from course.config import load_settings

    (tmp_path / "settings.toml").write_text("[clinic\n", encoding="utf-8")
    use_language("es")
    problems = load_settings(tmp_path).problems
    assert len(problems) == 1 and problems[0].startswith("El archivo de configuración") and "TOML" in problems[0]
