"""Saving the record of completion at 80x24: what was saved, and where, is in view (it is below the buttons)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static, TabbedContent

from course.learner import StoredLearner
from course.store import Store
from course.ui.screens.progress import ProgressScreen
from tests.ui.helpers import make_app


@pytest.mark.parametrize("language", ["en", "es"])
async def test_the_saved_files_are_shown_on_a_small_window(tmp_path: Path, language: str) -> None:
    store = Store(tmp_path / "data")
    pid = store.create_profile("Ana")
    app = make_app(tmp_path, store)
    app.set_language(language)
    async with app.run_test(size=(80, 24)) as pilot:
        app.learner = StoredLearner(store, pid, "Ana")
        await app.push_screen(ProgressScreen())
        await pilot.pause()
        app.screen.query_one("#tabs", TabbedContent).active = "record-tab"
        await pilot.pause()
        app.screen.query_one("#record-path", Input).value = str(tmp_path / "record.html")
        await pilot.click("#save-record")
        await pilot.pause(0.3)
        status = app.screen.query_one("#record-status", Static)
        assert "record.txt" in str(status.render())
        shown = app.screen.query_one("#record-scroll").region
        assert shown.contains_region(status.region), (shown, status.region)
