"""The web mode's app: files go to the browser as downloads, and no screen shows a path on the server."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import TabbedContent

from course.config import Settings
from course.learner import StoredLearner
from course.store import Store, StoreError
from course.ui.screens.cards import CardsScreen
from course.ui.screens.progress import ProgressScreen
from course.ui.web.app import CARDS_FILE, RECORD_FILE, WebApp, hide_paths
from course.web.session import for_visitors
from tests.group.helpers import screen_text
from tests.ui.helpers import record_notices, small_course


def deliveries(app: WebApp) -> list[dict[str, Any]]:
    """Keep what the app sends to the browser (Textual would hand it to the web driver)."""
    sent: list[dict[str, Any]] = []

    def deliver_text(file: io.StringIO, **options: Any) -> str:
        sent.append({"text": file.getvalue(), **options})
        return f"key{len(sent)}"

    app.deliver_text = deliver_text  # type: ignore[method-assign]
    return sent


@pytest.fixture
def web_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[WebApp, Store, str]:
    monkeypatch.setenv("HOME", str(tmp_path / "server-home"))
    store = Store(tmp_path / "accounts" / "0123")
    pid = store.create_profile("Rosa")
    store.save_journal(pid, "boundaries-and-self-care", "boundaries-and-self-care/3/1", "A boundary?", "No cash")
    return WebApp(small_course(tmp_path / "content"), store, Settings()), store, pid


def no_paths_on(app: WebApp, tmp_path: Path) -> None:
    shown = " ".join(screen_text(app).split())
    for path in (str(tmp_path), "server-home", "family-course-record-Rosa", "family-course-cards/"):
        assert path not in shown, shown


async def test_the_record_of_completion_is_a_download(web_app: tuple[WebApp, Store, str], tmp_path: Path) -> None:
    app, store, pid = web_app
    sent = deliveries(app)
    async with app.run_test(size=(80, 24)) as pilot:
        app.learner = StoredLearner(store, pid, "Rosa")
        await app.push_screen(ProgressScreen())
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = "record-tab"
        await pilot.pause()
        for hidden in ("#record-path", "#record-path-label"):
            assert not app.screen.query_one(hidden).display, hidden
        no_paths_on(app, tmp_path)
        await pilot.click("#save-record")
        await pilot.pause()
        status = str(app.screen.query_one("#record-status").render())
        assert f"Your browser is downloading {RECORD_FILE}" in status
        no_paths_on(app, tmp_path)
    assert [(s["save_filename"], s["mime_type"]) for s in sent] == [(RECORD_FILE, "text/html")]
    assert "record of completion" in sent[0]["text"] and "Rosa" in sent[0]["text"]
    assert not (tmp_path / "server-home").exists(), "nothing is written on the server"


async def test_a_record_that_cannot_be_read_says_so_without_a_server_path(
        web_app: tuple[WebApp, Store, str], monkeypatch: pytest.MonkeyPatch) -> None:
    app, store, pid = web_app
    deliveries(app)

    def unreadable(self: ProgressScreen) -> object:
        raise StoreError("Your saved data (/srv/family-course/accounts/0123/profiles/x.json) is damaged.")

    monkeypatch.setattr(ProgressScreen, "build_record", unreadable)
    async with app.run_test(size=(80, 24)) as pilot:
        app.learner = StoredLearner(store, pid, "Rosa")
        await app.push_screen(ProgressScreen())
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = "record-tab"
        await pilot.pause()
        await pilot.click("#save-record")
        await pilot.pause()
        status = str(app.screen.query_one("#record-status").render())
    assert status == "Your saved data (on the server) is damaged."


async def test_the_cards_to_print_are_a_download(web_app: tuple[WebApp, Store, str], tmp_path: Path) -> None:
    app, store, pid = web_app
    sent = deliveries(app)
    async with app.run_test(size=(80, 24)) as pilot:
        app.learner = StoredLearner(store, pid, "Rosa")
        await app.push_screen(CardsScreen(tmp_path / "server-home" / "family-course-cards", personal=True))
        await pilot.pause()
        for hidden in ("#cards-folder", "#cards-folder-label"):
            assert not app.screen.query_one(hidden).display, hidden
        no_paths_on(app, tmp_path)
        await pilot.press("2")  # blank cards
        await pilot.click("#save-cards")
        await pilot.pause()
        status = " ".join(str(app.screen.query_one("#cards-status").render()).split())
        assert f"Your browser is downloading {CARDS_FILE}" in status
        no_paths_on(app, tmp_path)
    assert [(s["save_filename"], s["mime_type"]) for s in sent] == [(CARDS_FILE, "text/html")]
    assert sent[0]["text"].count("<article") == 5  # every card, one to a printed page
    assert not (tmp_path / "server-home").exists()


async def test_a_problem_with_saved_data_never_names_a_server_path(web_app: tuple[WebApp, Store, str]) -> None:
    app, _, _ = web_app
    async with app.run_test(size=(80, 24)) as pilot:
        shown = record_notices(app)
        app.report_store_error(StoreError("The data folder (/srv/family-course/accounts/0123/profiles) is "
                                          "read-only, so your answer could not be saved."))
        await pilot.pause()
    assert shown == ["The data folder (on the server) is read-only, so your answer could not be saved."]


def test_paths_are_taken_out_of_messages() -> None:
    assert hide_paths("kept at /srv/a b/c.json.") == "kept at on the server b/c.json."
    assert hide_paths("kept at /srv/fc/damaged/profiles.json-2026.") == "kept at on the server."
    assert hide_paths("Try again in 5 minutes; 3/4 done, and/or later.") == \
        "Try again in 5 minutes; 3/4 done, and/or later."
    assert for_visitors(["Your journal was damaged; it was restored. The damaged copy was kept at "
                         "/data/accounts/ab/damaged/x.json."]) == \
        ["Your journal was damaged; it was restored. The damaged copy was kept at on the server."]


async def test_ctrl_q_ends_the_session(web_app: tuple[WebApp, Store, str]) -> None:
    app, _, _ = web_app
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
