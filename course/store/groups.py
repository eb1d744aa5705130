"""Family groups for group mode (groups.json): rosters, sessions, attendance, hand tallies.

A session also keeps when each person was last marked present (``marked``) and when it was finished
(``finished_at``), so reports can say when someone last took part. Sessions saved before these were kept have
only their date.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tinydb import Query

from course.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, _, check_language

from .core import StoreCore
from .errors import StoreError
from .records import Group, GroupSession, from_iso, now, to_iso

if TYPE_CHECKING:
    from .records import Profile

_Q = Query()

UNKNOWN_GROUP = N_("This group could not be found. It may have been removed on another screen.")
UNKNOWN_SESSION = N_("This group session could not be found. It may have been removed on another screen.")


def _group(doc: dict[str, Any]) -> Group:
    return Group(id=doc["id"], name=doc["name"], created=from_iso(doc["created"]), member_ids=tuple(doc["members"]))


def _session(doc: dict[str, Any]) -> GroupSession:
    return GroupSession(
        id=doc["id"],
        group_id=doc["group_id"],
        date=doc["date"],
        lesson_id=doc["lesson_id"],
        present=tuple(doc["present"]),
        tallies={q: dict(c) for q, c in doc["tallies"].items()},
        finished=doc["finished"],
        language=_language(doc.get("language")),
    )


def _language(code: Any) -> str:
    """A session's language: the one saved with it, or English for a session saved before languages were kept
    (or with one this program does not have)."""
    return code if isinstance(code, str) and code in LANGUAGES else DEFAULT_LANGUAGE


class GroupsMixin(StoreCore):
    if TYPE_CHECKING:  # from ProfilesMixin, beside this one in Store

        def profile(self, pid: str) -> Profile: ...

    def create_group(self, name: str) -> str:
        gid = uuid.uuid4().hex
        with self._guard(N_("the new group")):
            self._table("groups").insert({"id": gid, "name": name, "created": to_iso(now()), "members": []})
        return gid

    def groups(self) -> list[Group]:
        with self._guard(N_("the groups")):
            docs = self._table("groups").all()
        return sorted((_group(d) for d in docs), key=lambda g: (g.created, g.id))

    def group(self, gid: str) -> Group:
        with self._guard(N_("the group")):
            return _group(self._find("groups", gid, UNKNOWN_GROUP))

    def add_member(self, gid: str, pid: str) -> None:
        self.profile(pid)  # unknown profile -> StoreError
        self._edit("groups", gid, UNKNOWN_GROUP, lambda d: _add(d["members"], pid))

    def remove_member(self, gid: str, pid: str) -> None:
        self._edit("groups", gid, UNKNOWN_GROUP, lambda d: _discard(d["members"], pid))

    def start_session(self, gid: str, lesson_id: str, date: str, language: str = DEFAULT_LANGUAGE) -> str:
        """A new session of group ``gid`` on ``lesson_id``, presented in ``language``."""
        check_language(language)  # a code the course does not have is a mistake in the caller: ValueError
        sid = uuid.uuid4().hex
        with self._guard(N_("the new session")):
            table = self._table("sessions")
            with table.storage.locked():
                self._find("groups", gid, UNKNOWN_GROUP)
                table.insert(
                    {
                        "id": sid,
                        "group_id": gid,
                        "date": date,
                        "lesson_id": lesson_id,
                        "present": [],
                        "tallies": {},
                        "finished": False,
                        "language": language,
                    }
                )
        return sid

    def sessions(self, gid: str) -> list[GroupSession]:
        """The group's sessions, oldest first."""
        with self._guard(N_("the sessions")):
            docs = self._table("sessions").search(_Q.group_id == gid)
        return [_session(d) for d in sorted(docs, key=lambda d: (d["date"], d.doc_id))]

    def set_present(self, sid: str, pid: str, present: bool) -> None:
        def change(doc: dict[str, Any]) -> None:
            (_add if present else _discard)(doc["present"], pid)
            found = doc.get("marked")
            marked: dict[str, Any] = found if isinstance(found, dict) else {}
            if present:
                marked[pid] = to_iso(now())
            else:
                marked.pop(pid, None)
            doc["marked"] = marked

        self._edit("sessions", sid, UNKNOWN_SESSION, change)

    def attended_at(self, gid: str) -> dict[tuple[str, str], datetime | None]:
        """For each (session id, profile id) of a person present at one of the group's sessions: the last moment
        they took part (marked present, or the session finished with them present), or None for a session
        saved before moments were kept."""
        with self._guard(N_("the sessions")):
            docs = self._table("sessions").search(_Q.group_id == gid)
        found: dict[tuple[str, str], datetime | None] = {}
        for doc in docs:
            marked = doc.get("marked") if isinstance(doc.get("marked"), dict) else {}
            finished = _moment(doc.get("finished_at"))
            for pid in doc["present"]:
                moments = [m for m in (_moment(marked.get(pid)), finished) if m is not None]
                found[(doc["id"], pid)] = max(moments, default=None)
        return found

    def record_tally(self, sid: str, question_id: str, counts: dict[str, int]) -> None:
        """Store the room's show of hands for one question (replaces any earlier count)."""
        clean = {str(k): int(v) for k, v in counts.items()}
        self._edit("sessions", sid, UNKNOWN_SESSION, lambda d: d["tallies"].__setitem__(question_id, clean))

    def finish_session(self, sid: str) -> None:
        """Close the session and mark the lesson done for every member who was present."""

        def close(doc: dict[str, Any]) -> None:
            doc["finished"] = True
            doc["finished_at"] = to_iso(now())

        doc = self._edit("sessions", sid, UNKNOWN_SESSION, close)
        for pid in doc["present"]:
            try:
                self.save_lesson_state(pid, doc["lesson_id"], status="done")  # type: ignore[attr-defined]
            except StoreError:
                continue  # a member deleted meanwhile

    # -- helpers -----------------------------------------------------------------------------------

    def _table(self, name: str) -> Any:
        return self._db(self.layout.groups).table(name)

    def _find(self, table: str, key: str, missing: str) -> dict[str, Any]:
        found = self._table(table).search(_Q.id == key)
        if not found:
            raise StoreError(_(missing))
        return dict(found[0])

    def _edit(self, table_name: str, key: str, missing: str, change: Any) -> dict[str, Any]:
        with self._guard(N_("the group records")):
            table = self._table(table_name)
            with table.storage.locked():
                doc = self._find(table_name, key, missing)
                change(doc)
                table.update(doc, _Q.id == key)
        return doc

    def _forget_member(self, pid: str) -> None:
        """A deleted profile leaves every roster and attendance list."""
        with self._guard(N_("the group records")):
            storage = self._storage(self.layout.groups)
            with storage.locked():
                body = storage.load()
                if body is None:
                    return
                changed = False
                for table, field in (("groups", "members"), ("sessions", "present")):
                    for doc in body["tables"].get(table, {}).values():
                        if pid in doc[field]:
                            doc[field].remove(pid)
                            changed = True
                        marked = doc.get("marked")
                        if isinstance(marked, dict) and pid in marked:
                            del marked[pid]
                            changed = True
                if changed:
                    storage.save_body(body)


def _moment(text: Any) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        return from_iso(text)
    except ValueError:
        return None


def _add(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def _discard(items: list[str], item: str) -> None:
    while item in items:
        items.remove(item)
