"""A group session has its language (issue #19): chosen when it starts, kept with it, and followed by the
projector's screens, the lesson and the facilitator notes window. Sessions saved before it was kept are English."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from course.config import Settings
from course.content import ContentDir
from course.content.library import Courses
from course.group.roster import today
from course.group.shown import Shown
from course.i18n import current_language, use_language
from course.store import Store
from course.ui.group.app import GroupApp
from course.ui.group.attendance_screen import AttendanceScreen
from course.ui.group.dialogs import SessionDialog
from course.ui.group.notes_screen import NotesScreen
from course.ui.group.presenter_screen import PresenterScreen, closing_markdown
from course.ui.group.quiz_screen import GroupQuizScreen
from course.ui.group.roster_screen import RosterScreen
from course.ui.group.screen import fit_keys
from tests.content.fixtures import make_pair
from tests.group.helpers import LESSON_ID, SIZE, group_with_people, screen_text, wait_until


def courses(tmp_path: Path) -> Courses:
    """The sample lesson and quiz in English and in Spanish."""
    return Courses([ContentDir.of(make_pair(tmp_path / "content"))])


def app_for(tmp_path: Path, store: Store, first, *, language: str = "en", notes: bool = False) -> GroupApp:
    return GroupApp(courses(tmp_path), store, Settings(), store.data_dir, notes=notes, first=first,
                    language=language)


def forget_languages(store: Store) -> None:
    """Make the groups file look as it did before sessions kept their language."""
    storage = store._storage(store.layout.groups)
    with storage.locked():
        body = storage.load()
        for doc in body["tables"]["sessions"].values():
            doc.pop("language", None)
        storage.save_body(body)


def test_a_session_keeps_its_language_and_an_older_one_reads_english(store: Store) -> None:
    gid, _people = group_with_people(store, "Ana")
    spanish = store.start_session(gid, LESSON_ID, today(), "es")
    english = store.start_session(gid, LESSON_ID, today())
    assert {s.id: s.language for s in store.sessions(gid)} == {spanish: "es", english: "en"}
    forget_languages(store)
    assert {s.language for s in store.sessions(gid)} == {"en"}
    store.set_present(spanish, _people[0], True)  # an older session is still read and changed as before
    assert store.sessions(gid)[0].present == (_people[0],)


async def test_a_spanish_session_shows_the_spanish_lesson_and_projector(tmp_path: Path, store: Store) -> None:
    gid, _people = group_with_people(store, "Ana")
    app = app_for(tmp_path, store, lambda: RosterScreen(gid))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SessionDialog)
        assert "A Sample Lesson" in screen_text(app)  # the lessons in the app's language at first
        await pilot.press("l")  # the session's language: Español
        await pilot.pause()
        assert "Una lección de ejemplo" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        (session,) = store.sessions(gid)
        assert session.language == "es"
        text = screen_text(app)
        assert "Una lección de ejemplo" in text and "¿Quién está aquí hoy?" in text
        assert "Who is here" not in text and "Back" not in text

        await pilot.press("enter", "p")  # Ana is here; present the lesson
        await pilot.pause()
        assert isinstance(app.screen, PresenterScreen)
        assert "Este primer paso" in screen_text(app)
        assert Shown.from_state(store.presenter()).language == "es"
        await pilot.press("right")
        await pilot.pause()
        text = screen_text(app)
        assert "El segundo paso" in text and "Para conversar:" in text and "Talk about it" not in text
        await pilot.press("right", "right")  # past the last step: the group quiz
        await pilot.pause()
        assert isinstance(app.screen, GroupQuizScreen)
        text = screen_text(app)
        assert "Prueba: Una lección de ejemplo" in text and "Pregunta 1 de 2" in text and "ver las opciones" in text
        assert "Question" not in text and "show the options" not in text

        await pilot.press("escape")  # back to the lesson, to attendance, to the group: English again
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        assert current_language() == "en"
        text = screen_text(app)
        assert "Sessions" in text and "A Sample Lesson" in text and "Español" in text  # the session says its language

        await pilot.press("s")  # today's session again: it goes on in Spanish
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen) and current_language() == "es"
        assert "¿Quién está aquí hoy?" in screen_text(app)


async def test_the_notes_window_follows_the_session_language(tmp_path: Path, store: Store) -> None:
    app = app_for(tmp_path, store, NotesScreen, notes=True)
    async with app.run_test(size=SIZE) as pilot:
        assert "Waiting for the projector" in screen_text(app)
        store.set_presenter(Shown("s1", LESSON_ID, "2024-05-07T18:00:00+00:00", step=1, language="es").to_state())
        assert await wait_until(pilot, lambda: "Pregunte al grupo" in screen_text(app))
        text = screen_text(app)
        assert "El segundo paso" in text and "Paso 2 de 3" in text and "Notas del facilitador" in text
        assert "Tiempo de la sesión" in text and "Siguiente" in text
        for english in ("Step", "Notes", "Session time", "Facilitator notes", "Next", "your screen"):
            assert english not in text, english
        store.set_presenter(Shown("s1", LESSON_ID, "2024-05-07T18:00:00+00:00", step=1).to_state())
        assert await wait_until(pilot, lambda: "Ask the group" in screen_text(app))
        text = screen_text(app)
        assert "Step 2 of 3" in text and "Facilitator notes" in text and "Notas" not in text


async def test_an_older_session_opens_in_english_whatever_the_app_language(tmp_path: Path, store: Store) -> None:
    gid, _people = group_with_people(store, "Ana")
    store.start_session(gid, LESSON_ID, today(), "es")
    forget_languages(store)
    app = app_for(tmp_path, store, lambda: RosterScreen(gid), language="es")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")  # today's session, saved before sessions kept a language
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        text = screen_text(app)
        assert "A Sample Lesson" in text and "Who is here today?" in text and "Quién" not in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        assert current_language() == "es"  # back on the group's screens, the app's own language
        assert "Sesiones" in str(app.screen.query_one("#sessions-column Static", Static).render())


def test_the_thank_you_after_a_session_is_in_its_language(tmp_path: Path) -> None:
    lesson = courses(tmp_path)["es"].lesson(LESSON_ID)
    use_language("es")
    text = closing_markdown(lesson)
    assert "Hoy: **Una lección de ejemplo**" in text and "Si las cosas se ponen difíciles" in text
    assert "988" in text and "911" in text and "If things" not in text and "Today" not in text


def test_a_key_line_too_long_for_the_screen_goes_on_between_two_keys() -> None:
    line = " · ".join(["S sesión", "A agregar", "E existente", "R renombrar", "Del quitar", "? ayuda", "Esc volver"])
    assert fit_keys(line, 76) == ("S sesión · A agregar · E existente · R renombrar · Del quitar · ? ayuda\n"
                                  "Esc volver")
    assert fit_keys(line, 200) == line


async def test_every_key_under_a_spanish_lesson_shows_at_80_columns(tmp_path: Path, store: Store) -> None:
    gid, _people = group_with_people(store, "Ana")
    store.start_session(gid, LESSON_ID, today(), "es")
    app = app_for(tmp_path, store, lambda: RosterScreen(gid))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "p")
        await pilot.pause()
        assert isinstance(app.screen, PresenterScreen)
        hint = str(app.screen.query_one("#p-hint", Static).render())
        assert all(len(line) <= 72 for line in hint.splitlines())
        for key in ("F2 crisis", "Esc asistencia", "F terminar"):
            assert key in hint.splitlines()[0] or key in hint.splitlines()[-1], key
        await pilot.press("escape")  # attendance, and its line of keys
        await pilot.pause()
        keys = str(app.screen.query_one(".key-hint", Static).render())
        assert all(len(line) <= 76 for line in keys.splitlines()) and "Esc volver" in keys
