"""The roster and the groups list: duplicate names are questioned, a typo can be renamed, removal names the
person, and Escape on the groups list asks before closing group mode."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from course.content.model import Course
from course.group import roster
from course.group.roster import DISPLAY_NAME_KEY
from course.store import Store
from course.ui.group.groups_screen import GroupsScreen
from course.ui.group.roster_screen import RosterScreen
from course.ui.screens.dialogs import ConfirmDialog
from tests.group.helpers import SIZE, group_app, group_with_people, screen_text


async def add_person(pilot, name: str) -> None:
    await pilot.press("a")
    await pilot.pause()
    pilot.app.screen.query_one("#name", Input).value = name
    await pilot.press("enter")
    await pilot.pause()


def highlight(app, index: int) -> None:
    people = app.screen.query_one("#people", OptionList)
    people.focus()
    people.highlighted = index


async def test_a_duplicate_name_is_questioned_before_it_is_added(store: Store, course: Course) -> None:
    gid, _ = group_with_people(store, "Smith, Jane")
    app = group_app(course, store, lambda: RosterScreen(gid))
    async with app.run_test(size=SIZE) as pilot:
        await add_person(pilot, "smith,  JANE")
        assert isinstance(app.screen, ConfirmDialog)
        assert "already called \u201cSmith, Jane\u201d" in screen_text(app)
        await pilot.click("#no")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen) and len(store.group(gid).member_ids) == 1

        await add_person(pilot, "Smith, Jane")
        await pilot.click("#yes")  # the counselor means it: a second person with the same name
        await pilot.pause()
        assert len(store.group(gid).member_ids) == 2

        other = store.create_group("Thursday group")
        store.create_profile("Luis Ortega")
    app = group_app(course, store, lambda: RosterScreen(other))
    async with app.run_test(size=SIZE) as pilot:
        await add_person(pilot, "luis ortega")  # not on this roster, but a profile here has the name
        assert isinstance(app.screen, ConfirmDialog)
        text = screen_text(app)
        assert "A profile called \u201cLuis Ortega\u201d is already on this computer" in text
        assert "press E" in text
        await pilot.press("escape")
        await pilot.pause()
        await add_person(pilot, "Luis")  # a different name goes straight in
        assert isinstance(app.screen, RosterScreen) and len(store.group(other).member_ids) == 1


async def test_a_typo_is_renamed_and_reports_follow(store: Store, course: Course) -> None:
    gid, (jnae, ana) = group_with_people(store, "Jnae", "Ana")
    maria = store.create_profile("Maria Elena Gonzalez")
    roster.add_existing_member(store, gid, maria, "Mari")
    app = group_app(course, store, lambda: RosterScreen(gid))
    async with app.run_test(size=SIZE) as pilot:
        highlight(app, 0)
        await pilot.press("r")
        await pilot.pause()
        box = app.screen.query_one("#name", Input)
        assert box.value == "Jnae" and "Rename \u201cJnae\u201d" in screen_text(app)
        box.value = "Jane"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        assert "Jane" in screen_text(app) and "Jnae" not in screen_text(app)

        highlight(app, 2)
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "ana"  # taken by someone else on the roster
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#no")
        await pilot.pause()
        assert app.screen.query_one("#people", OptionList).highlighted == 2  # still on the same person
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "Marie"
        await pilot.press("enter")
        await pilot.pause()
    assert store.profile(jnae).name == "Jane"  # the profile group mode made follows the correction
    assert store.preferences(jnae)[DISPLAY_NAME_KEY] == "Jane"
    assert store.profile(maria).name == "Maria Elena Gonzalez"  # an existing profile keeps its own name
    assert store.preferences(maria)[DISPLAY_NAME_KEY] == "Marie"
    assert store.preferences(ana)[DISPLAY_NAME_KEY] == "Ana"


async def test_the_removal_box_names_the_person(store: Store, course: Course) -> None:
    gid, (_, ben) = group_with_people(store, "Ana", "Ben")
    app = group_app(course, store, lambda: RosterScreen(gid))
    async with app.run_test(size=SIZE) as pilot:
        highlight(app, 1)
        await pilot.press("delete")
        await pilot.pause()
        assert "Take \u201cBen\u201d off the roster?" in screen_text(app)
        await pilot.click("#yes")
        await pilot.pause()
    assert ben not in store.group(gid).member_ids


async def test_escape_on_the_groups_list_asks_before_closing(store: Store, course: Course) -> None:
    store.create_group("Tuesday")
    app = group_app(course, store, GroupsScreen)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ConfirmDialog)
        assert "Close group mode?" in screen_text(app)
        await pilot.press("escape")  # a second stray Escape only closes the question
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, GroupsScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
    assert app.return_code == 0

    app = group_app(course, store, GroupsScreen)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")  # Q closes at once
        await pilot.pause()
        assert not app.is_running
