"""The counselor's desk in group mode: groups and their rosters, sessions, attendance, show-of-hands counts, and
what the room sees (shared with the notes screen, another process, through the store)."""

from __future__ import annotations

from typing import Any

from course.group import roster
from course.group.roster import Member
from course.i18n import DEFAULT_LANGUAGE
from course.store import Store
from course.store.records import Group, GroupSession, Profile


class GroupDesk:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- groups and rosters ------------------------------------------------------------------------------------------
    def groups(self) -> list[Group]:
        return self.store.groups()

    def group(self, group_id: str) -> Group:
        return self.store.group(group_id)

    def create_group(self, name: str) -> str:
        """A new group; ValueError (with a message for the counselor) for an empty or overlong name."""
        return self.store.create_group(roster.check_group_name(name))

    def members(self, group_id: str) -> list[Member]:
        """The roster in the order people were added, each with the name the room sees."""
        return roster.members(self.store, self.store.group(group_id))

    def profiles_outside(self, group_id: str) -> list[Profile]:
        """The profiles on this computer not in the group (to add one)."""
        current = set(self.store.group(group_id).member_ids)
        return [profile for profile in self.store.profiles() if profile.id not in current]

    def name_clash(self, group_id: str, name: str, *, new_profile: bool, pid: str | None = None) -> str | None:
        """Why ``name`` may be a mistake, or None (see ``roster.name_clash``)."""
        return roster.name_clash(self.store, self.store.group(group_id), name, new_profile=new_profile, pid=pid)

    def add_new_member(self, group_id: str, name: str) -> str:
        return roster.add_new_member(self.store, group_id, name)

    def add_existing_member(self, group_id: str, pid: str, name: str) -> None:
        roster.add_existing_member(self.store, group_id, pid, name)

    def renames_profile(self, pid: str) -> bool:
        """Would renaming this member rename their profile too (group mode made it, under the name the room sees)?"""
        return self.store.profile(pid).name == roster.display_name(self.store, pid)

    def rename_member(self, pid: str, name: str) -> None:
        roster.rename_member(self.store, pid, name)

    def remove_member(self, group_id: str, pid: str) -> None:
        self.store.remove_member(group_id, pid)

    # -- sessions ----------------------------------------------------------------------------------------------------
    def sessions(self, group_id: str) -> list[GroupSession]:
        """The group's sessions, oldest first."""
        return self.store.sessions(group_id)

    def open_session_today(self, group_id: str) -> GroupSession | None:
        return roster.open_session_today(self.store, group_id)

    def start_session(self, group_id: str, lesson_id: str, language: str = DEFAULT_LANGUAGE) -> str:
        """Today's session of the group on ``lesson_id``, presented in ``language`` (the projector, the lesson and the
        facilitator notes; kept with the session, so reopening it goes on in that language)."""
        return self.store.start_session(group_id, lesson_id, roster.today(), language)

    def set_present(self, session_id: str, pid: str, present: bool) -> None:
        self.store.set_present(session_id, pid, present)

    def record_tally(self, session_id: str, question_id: str, counts: dict[str, int]) -> None:
        self.store.record_tally(session_id, question_id, counts)

    def finish_session(self, session_id: str) -> None:
        """Close the session; the lesson is marked done for everyone present."""
        self.store.finish_session(session_id)

    # -- what the room sees ------------------------------------------------------------------------------------------
    def shown(self) -> dict[str, Any] | None:
        """What the projector shows now (see ``course.group.shown``), or None."""
        return self.store.presenter()

    def show(self, state: dict[str, Any]) -> None:
        self.store.set_presenter(state)
