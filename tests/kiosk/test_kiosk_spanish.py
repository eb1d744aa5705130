"""The kiosk in Spanish: one key on the start screen switches the language for a visit; the idle reset and Finish
bring back the kiosk's own language (the one it was started with)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from textual.pilot import Pilot

from course.config import Settings
from course.content import ContentDir
from course.content.library import Courses
from course.i18n import current_language
from course.store import Store
from course.ui.kiosk.app import KioskApp
from course.ui.kiosk.controller import closing_words
from course.ui.kiosk.log import KioskLog
from course.ui.kiosk.screens import AttractScreen, KioskMapScreen, StaffPinScreen, StillThereScreen
from course.ui.kiosk.serve import build_app
from course.ui.screens.help import CrisisScreen
from course.ui.screens.reader import ReaderScreen
from tests.group.helpers import screen_text
from tests.kiosk.helpers import STAFF_PIN, FakeClock

SIZE = (80, 24)
ENGLISH_START = ("Press any key to start", "Short lessons for families and friends")
SPANISH_START = ("Presione cualquier tecla para empezar", "Lecciones cortas para familiares y amigos")
ENGLISH_MAP = ("Short lessons for families", "Open lesson", "Take quiz", "A few minutes each")
SPANISH_MAP = ("Lecciones cortas para familias", "Abrir lección", "Hacer la prueba", "Unos minutos cada una")


@lru_cache(maxsize=1)
def both_languages() -> Courses:
    courses = Courses([ContentDir.shipped()])
    for language in ("en", "es"):
        courses[language]
    return courses


def kiosk(tmp_path: Path, *, language: str = "en", timeout: float = 120.0,
          clock: FakeClock | None = None) -> KioskApp:
    data = tmp_path / "data"
    store = Store(data)
    store.set_staff_pin(STAFF_PIN)
    return build_app(both_languages(), store, Settings(), data, timeout, clock=clock or FakeClock(),
                     log=KioskLog(data), language=language)


def shows(app: KioskApp, words: tuple[str, ...]) -> bool:
    text = " ".join(screen_text(app).split())
    return all(word in text for word in words)


def shows_none(app: KioskApp, words: tuple[str, ...]) -> bool:
    text = " ".join(screen_text(app).split())
    return not any(word in text for word in words)


async def test_the_start_screen_offers_spanish_in_spanish_and_one_key_switches_to_it(tmp_path: Path) -> None:
    app = kiosk(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert shows(app, ENGLISH_START) and shows(app, ("Español: presione L",))
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, AttractScreen) and app.learner is None  # no visit yet: read it first
        assert current_language() == "es"
        assert shows(app, SPANISH_START) and shows(app, ("English: press L", "Curso para familias"))
        assert shows_none(app, ENGLISH_START)
        await pilot.press("space")  # any other key starts the visit, in Spanish
        await pilot.pause()
        assert isinstance(app.screen, KioskMapScreen)
        assert shows(app, SPANISH_MAP) and shows_none(app, ENGLISH_MAP)
        await pilot.press("enter")  # the first short lesson, from lessons/es
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.lesson.language == "es"
        assert "Cómo reconocer una sobredosis" in screen_text(app)


async def test_the_key_switches_back_and_shift_l_works_too(tmp_path: Path) -> None:
    app = kiosk(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("L")
        await pilot.pause()
        assert current_language() == "es" and isinstance(app.screen, AttractScreen)
        await pilot.press("l")
        await pilot.pause()
        assert current_language() == "en" and isinstance(app.screen, AttractScreen)
        assert shows(app, ENGLISH_START) and app.learner is None


async def test_crisis_help_in_spanish_keeps_every_number(tmp_path: Path) -> None:
    app = kiosk(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "f2")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        text = " ".join(screen_text(app).split())
        assert "911" in text and "988" in text and "marque 2" in text and "AYUDA" in text


async def test_the_language_key_does_nothing_during_a_visit(tmp_path: Path) -> None:
    app = kiosk(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, KioskMapScreen)
        await pilot.press("l")
        await pilot.pause()
        assert current_language() == "en" and isinstance(app.screen, KioskMapScreen)


async def test_the_idle_reset_brings_back_english(tmp_path: Path) -> None:
    clock = FakeClock()
    app = kiosk(tmp_path, timeout=40, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "space", "c")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and current_language() == "es"
        clock.advance(41)
        app.kiosk.tick()
        await pilot.pause()
        assert isinstance(app.screen, StillThereScreen)
        assert shows(app, ("¿Sigue ahí?", "Se empezará de nuevo en 9 segundos", "Sigo aquí"))
        clock.advance(10)
        app.kiosk.tick()
        await pilot.pause()
        assert isinstance(app.screen, AttractScreen) and app.learner is None
        assert current_language() == "en"
        assert shows(app, ENGLISH_START) and shows_none(app, SPANISH_START)
        await pilot.press("space")  # the next visitor's visit is in English
        await pilot.pause()
        assert shows(app, ENGLISH_MAP)


async def test_a_start_screen_left_in_spanish_comes_back_in_english(tmp_path: Path) -> None:
    clock = FakeClock()
    app = kiosk(tmp_path, timeout=40, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        clock.advance(30)
        app.kiosk.tick()
        assert current_language() == "es"
        clock.advance(11)
        app.kiosk.tick()
        await pilot.pause()
        assert current_language() == "en" and isinstance(app.screen, AttractScreen)
        assert shows(app, ENGLISH_START)
        clock.advance(1000)
        app.kiosk.tick()  # the kiosk's own language on the start screen: nothing to time out
        await pilot.pause()
        assert isinstance(app.screen, AttractScreen) and app.learner is None


async def test_finish_brings_back_english(tmp_path: Path) -> None:
    app = kiosk(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and current_language() == "es"
        await pilot.press("f10")
        await pilot.pause()
        assert isinstance(app.screen, AttractScreen) and current_language() == "en"
        assert shows(app, ENGLISH_START)


async def test_a_kiosk_started_in_spanish_offers_english_and_comes_back_to_spanish(tmp_path: Path) -> None:
    app = kiosk(tmp_path, language="es")
    async with app.run_test(size=SIZE) as pilot:
        assert shows(app, SPANISH_START) and shows(app, ("English: press L",)) and shows_none(app, ENGLISH_START)
        await pilot.press("l", "space")
        await pilot.pause()
        assert current_language() == "en" and shows(app, ENGLISH_MAP)
        await pilot.press("f10")
        await pilot.pause()
        assert current_language() == "es" and shows(app, SPANISH_START)


async def test_the_staff_pin_box_in_spanish(tmp_path: Path) -> None:
    app = kiosk(tmp_path, language="es")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, StaffPinScreen)
        assert shows(app, ("Solo para el personal", "Escriba el PIN del personal", "Cerrar el quiosco", "Cancelar"))
        await pilot.press("enter")
        await pilot.pause()
        assert shows(app, ("Primero escriba el PIN del personal.",))
        await pilot.press(*"000000", "enter")
        await pilot.pause()
        assert shows(app, ("Ese PIN no es correcto.",))
        assert shows_none(app, ("Staff only", "Close the kiosk", "That PIN is not right"))


@pytest.mark.parametrize(("wrong", "waited", "said"), [
    (3, 0, "El personal cerró el quiosco. Intentos incorrectos con el PIN del personal mientras estuvo abierto: 3."),
    (1, 1, "mientras estuvo abierto: 2 (1 de ellos se escribió durante una espera"),
])
def test_closing_words_in_spanish(wrong: int, waited: int, said: str) -> None:
    from course.i18n import use_language

    use_language("es")
    assert said in closing_words(wrong, waited)


def test_the_closing_words_are_for_staff_in_the_kiosks_own_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from tests.kiosk.test_recovery import serve_with

    async def close_in_spanish(pilot: Pilot) -> None:
        await pilot.press("l")
        await pilot.pause()
        assert current_language() == "es"
        app = pilot.app
        assert isinstance(app, KioskApp)
        app.kiosk.close("staff")

    code, _apps = serve_with(tmp_path, [close_in_spanish], monkeypatch)
    assert code == 0
    assert capsys.readouterr().out == "Kiosk closed by staff. Wrong staff PINs while it ran: 0.\n"
