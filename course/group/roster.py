"""Group rosters: who is in a group and the first name the room sees for each of them.

The name shown in group mode is a per-profile preference (``group_display_name``) that the counselor types when
adding someone, so a profile's own name (which may be a full name) is never put on the projector.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from course.group.text import first_name
from course.i18n import _
from course.store.errors import StoreError
from course.store.records import Group, GroupSession

if TYPE_CHECKING:
    from course.store import Store

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
        raise ValueError(_("Please type the name the group will see (a first name is enough)."))
    if len(name) > MAX_DISPLAY_NAME:
        raise ValueError(_("Please keep it to {most} characters (a first name is enough).").format(
            most=MAX_DISPLAY_NAME))
    return name


def check_group_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValueError(_("Please type a name for the group, like \u201cTuesday evening family group\u201d."))
    if len(name) > MAX_GROUP_NAME:
        raise ValueError(_("Please keep the group name to {most} characters.").format(most=MAX_GROUP_NAME))
    return name


def display_name(store: Store, pid: str) -> str:
    """The name chosen for group mode, else the first word of the profile's name."""
    chosen = store.preferences(pid).get(DISPLAY_NAME_KEY, "")
    return chosen or first_name(store.profile(pid).name) or "?"


def members(store: Store, group: Group) -> list[Member]:
    """The roster in the order people were added; profiles deleted meanwhile are left out."""
    found = []
    for pid in group.member_ids:
        try:
            found.append(Member(pid, display_name(store, pid)))
        except StoreError:
            continue
    return found


def add_new_member(store: Store, gid: str, name: str) -> str:
    """A new profile named with the display name, added to the group."""
    name = check_display_name(name)
    pid = store.create_profile(name)
    store.set_preference(pid, DISPLAY_NAME_KEY, name)
    store.add_member(gid, pid)
    return pid


def add_existing_member(store: Store, gid: str, pid: str, name: str) -> None:
    name = check_display_name(name)
    store.set_preference(pid, DISPLAY_NAME_KEY, name)
    store.add_member(gid, pid)


def rename_member(store: Store, pid: str, name: str) -> None:
    """Correct the name the group sees. A profile that group mode made under the old name (so its own name is
    that name) takes the new one too, so reports show the corrected name; any other profile keeps its own."""
    name = check_display_name(name)
    old = display_name(store, pid)
    if store.profile(pid).name == old:
        store.rename_profile(pid, name)
    store.set_preference(pid, DISPLAY_NAME_KEY, name)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def name_clash(store: Store, group: Group, name: str, *, new_profile: bool, pid: str | None = None) -> str | None:
    """Why ``name`` may be a mistake (someone in the group, or with ``new_profile`` any profile here, already has
    it), or None. ``pid`` is the person being named, who never clashes with themselves."""
    for member in members(store, group):
        if member.profile_id != pid and _same(member.display_name, name):
            return _("Someone on this roster is already called \u201c{name}\u201d. The room and the attendance "
                     "list will not tell the two apart.").format(name=member.display_name)
    if new_profile:
        for profile in store.profiles():
            if profile.id != pid and _same(profile.name, name):
                return _("A profile called \u201c{name}\u201d is already on this computer, so reports would "
                         "show two people with that name. If it is the same person, cancel and press E to add that "
                         "profile instead.").format(name=profile.name)
    return None


def today() -> str:
    return date.today().isoformat()


def open_session_today(store: Store, gid: str) -> GroupSession | None:
    """Today's unfinished session of the group, if one was started earlier."""
    for session in reversed(store.sessions(gid)):
        if session.date == today() and not session.finished:
            return session
    return None
