"""Group rosters: who is in a group and the first name the room sees for each of them.

The name shown in group mode is a per-profile preference (``group_display_name``) that the counselor types when
adding someone, so a profile's own name (which may be a full name) is never put on the projector.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from course.group.text import first_name
from course.store.errors import StoreError
from course.store.records import Group, GroupSession

DISPLAY_NAME_KEY = "group_display_name"
MAX_DISPLAY_NAME = 20
MAX_GROUP_NAME = 60


@dataclass(frozen=True)
class Member:
    profile_id: str
    display_name: str


def check_display_name(name: str) -> str:
    """The cleaned name, or ValueError with a message for the counselor."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("Please type the name the group will see (a first name is enough).")
    if len(name) > MAX_DISPLAY_NAME:
        raise ValueError(f"Please keep it to {MAX_DISPLAY_NAME} characters (a first name is enough).")
    return name


def check_group_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValueError("Please type a name for the group, like \u201cTuesday evening family group\u201d.")
    if len(name) > MAX_GROUP_NAME:
        raise ValueError(f"Please keep the group name to {MAX_GROUP_NAME} characters.")
    return name


def display_name(store, pid: str) -> str:
    """The name chosen for group mode, else the first word of the profile's name."""
    chosen = store.preferences(pid).get(DISPLAY_NAME_KEY, "")
    return chosen or first_name(store.profile(pid).name) or "?"


def members(store, group: Group) -> list[Member]:
    """The roster in the order people were added; profiles deleted meanwhile are left out."""
    found = []
    for pid in group.member_ids:
        try:
            found.append(Member(pid, display_name(store, pid)))
        except StoreError:
            continue
    return found


def add_new_member(store, gid: str, name: str) -> str:
    """A new profile named with the display name, added to the group."""
    name = check_display_name(name)
    pid = store.create_profile(name)
    store.set_preference(pid, DISPLAY_NAME_KEY, name)
    store.add_member(gid, pid)
    return pid


def add_existing_member(store, gid: str, pid: str, name: str) -> None:
    name = check_display_name(name)
    store.set_preference(pid, DISPLAY_NAME_KEY, name)
    store.add_member(gid, pid)


def today() -> str:
    return date.today().isoformat()


def open_session_today(store, gid: str) -> GroupSession | None:
    """Today's unfinished session of the group, if one was started earlier."""
    for session in reversed(store.sessions(gid)):
        if session.date == today() and not session.finished:
            return session
    return None
