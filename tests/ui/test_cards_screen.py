"""Cards to print from My progress: the person chooses journal answers or blank cards, and the files are saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TabbedContent

from course.learner import StoredLearner
from course.store import Store
from course.ui.screens.cards import CardsScreen, folder_beside_record
from course.ui.screens.progress import ProgressScreen
from tests.group.helpers import screen_text
from tests.ui.helpers import make_app

BOUNDARY_PROMPT = "What is one boundary you could keep, even on a hard day?"


async def _open_cards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    store = Store(tmp_path / "data")
    pid = store.create_profile("Jo")
    store.save_journal(pid, "boundaries-and-self-care", "boundaries-and-self-care/3/1", BOUNDARY_PROMPT,
                       "I won't give <cash> & lie")
    app = make_app(tmp_path, store)
    return app, store, pid


async def test_my_progress_saves_cards_filled_from_the_journal(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    app, store, pid = await _open_cards(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        app.learner = StoredLearner(store, pid, "Jo")
        await app.push_screen(ProgressScreen())
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = "record-tab"
        await pilot.pause()
        record = app.screen.query_one("#record-path", Input).value
        await pilot.click("#cards")
        await pilot.pause()
        assert isinstance(app.screen, CardsScreen)
        assert app.screen.query_one("#cards-folder", Input).value == str(folder_beside_record(record))
        shown = " ".join(screen_text(app).split())
        assert "where anyone who might hurt you won't find it" in shown
        assert "only if you know your journal is private" in shown

        target = tmp_path / "my cards"
        app.screen.query_one("#cards-folder", Input).value = str(target)
        await pilot.click("#save-cards")
        await pilot.pause()
        assert not target.exists()  # nothing is saved before the person chooses
        assert "First choose" in str(app.screen.query_one("#cards-status").render())

        await pilot.press("1")  # fill in from my journal
        await pilot.click("#save-cards")
        await pilot.pause()
        boundary = (target / "boundary.html").read_text(encoding="utf-8")
        assert "I won&#x27;t give &lt;cash&gt; &amp; lie" in boundary
        assert "I won't give <cash> & lie" in (target / "boundary.txt").read_text(encoding="utf-8")
        assert (target / "all-cards.html").exists() and (target / "safety-plan.txt").exists()
        status = str(app.screen.query_one("#cards-status").render())
        assert f"Saved 11 files in {target}" in status and "Your words are on: My boundary." in status

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)


async def test_blank_cards_leave_the_journal_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app, store, pid = await _open_cards(tmp_path, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        app.learner = StoredLearner(store, pid, "Jo")
        await app.push_screen(CardsScreen(tmp_path / "blank", personal=True))
        await pilot.pause()
        await pilot.press("2")
        app.screen.query_one("#cards-folder", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "<cash>" not in (tmp_path / "blank" / "boundary.txt").read_text(encoding="utf-8")

        app.screen.query_one("#cards-folder", Input).value = "/proc/no/such/place"
        await pilot.press("enter")
        await pilot.pause()
        assert "Could not save the cards there" in str(app.screen.query_one("#cards-status").render())


def test_cards_folder_sits_beside_the_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert folder_beside_record("~/family-course-record-Jo-1a2b3c.html") == tmp_path / "family-course-cards-Jo-1a2b3c"
    assert folder_beside_record("/x/y/notes.html") == Path("/x/y/notes-cards")
    assert folder_beside_record("  ") == tmp_path / "family-course-cards"
