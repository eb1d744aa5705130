"""Group mode: the counselor saves the blank cards as handouts from the groups screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from course.content.model import Course
from course.store import Store
from course.ui.group.groups_screen import GroupsScreen
from course.ui.screens.cards import CardsScreen
from tests.group.helpers import SIZE, group_app, screen_text


async def test_groups_screen_saves_blank_handouts(course: Course, store: Store, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    app = group_app(course, store, GroupsScreen)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#handouts")
        await pilot.pause()
        assert isinstance(app.screen, CardsScreen)
        assert "Offer it to everyone" in " ".join(screen_text(app).split())
        assert not app.screen.query("#cards-fill")  # no journal in group mode: blank cards only
        app.screen.query_one("#cards-folder", Input).value = str(tmp_path / "handouts")
        await pilot.click("#save-cards")
        await pilot.pause()
        saved = sorted(p.name for p in (tmp_path / "handouts").iterdir())
        assert len(saved) == 11
        assert "Fill it in by hand" in (tmp_path / "handouts" / "safety-plan.txt").read_text(encoding="utf-8")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GroupsScreen)
