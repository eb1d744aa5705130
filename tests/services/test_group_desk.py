"""The group desk: what the group screens ask of the store, with the roster rules."""

from __future__ import annotations

import pytest

from course.group.roster import DISPLAY_NAME_KEY, Member
from course.services import StoreError
from course.services.group_desk import GroupDesk
from course.store import Store


def test_groups_members_and_names(store: Store) -> None:
    desk = GroupDesk(store)
    gid = desk.create_group("  Tuesday   evening ")
    assert [(g.id, g.name) for g in desk.groups()] == [(gid, "Tuesday evening")]
    with pytest.raises(ValueError):
        desk.create_group("   ")
    pat = desk.add_new_member(gid, "Pat")
    home = store.create_profile("Robin Smith")
    assert [p.name for p in desk.profiles_outside(gid)] == ["Robin Smith"]
    desk.add_existing_member(gid, home, "Robin")
    assert desk.profiles_outside(gid) == []
    assert desk.members(gid) == [Member(pat, "Pat"), Member(home, "Robin")]
    assert desk.name_clash(gid, "pat", new_profile=True) is not None
    assert desk.name_clash(gid, "Pat", new_profile=False, pid=pat) is None
    assert desk.renames_profile(pat) and not desk.renames_profile(home)
    desk.rename_member(pat, "Patty")
    desk.rename_member(home, "Rob")
    assert store.profile(pat).name == "Patty" and store.profile(home).name == "Robin Smith"
    assert store.preferences(home)[DISPLAY_NAME_KEY] == "Rob"
    desk.remove_member(gid, home)
    assert desk.members(gid) == [Member(pat, "Patty")]


def test_sessions(store: Store) -> None:
    desk = GroupDesk(store)
    gid = desk.create_group("Tuesday")
    pat = desk.add_new_member(gid, "Pat")
    assert desk.open_session_today(gid) is None
    sid = desk.start_session(gid, "sample-lesson")
    session = desk.open_session_today(gid)
    assert session is not None and session.id == sid and session.lesson_id == "sample-lesson"
    desk.set_present(sid, pat, True)
    desk.record_tally(sid, "first", {"a": 3, "b": 1})
    desk.finish_session(sid)
    [done] = desk.sessions(gid)
    assert done.finished and done.present == (pat,) and done.tallies == {"first": {"a": 3, "b": 1}}
    assert desk.open_session_today(gid) is None
    assert store.lesson_state(pat, "sample-lesson").status == "done"
    with pytest.raises(StoreError):
        desk.members("no-such-group")


def test_what_the_room_sees(store: Store) -> None:
    desk = GroupDesk(store)
    assert desk.shown() is None
    desk.show({"lesson_id": "sample-lesson", "step": 2})
    state = desk.shown()
    assert state is not None and state["step"] == 2
