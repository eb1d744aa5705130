"""Profiles: the index in profiles.json, each profile's own file, PINs, deletion."""

from __future__ import annotations

import uuid
from typing import Any

from tinydb import Query

from course.i18n import N_, _

from . import pins, schema
from .core import UNKNOWN_PROFILE, StoreCore
from .errors import StoreError
from .records import Profile, from_iso, now, to_iso

_Q = Query()


def _profile(doc: dict[str, Any]) -> Profile:
    return Profile(id=doc["id"], name=doc["name"], has_pin=doc.get("pin") is not None, created=from_iso(doc["created"]))


class ProfilesMixin(StoreCore):
    def create_profile(self, name: str, pin: str | None = None) -> str:
        """Add a profile and return its id. ``name`` is kept exactly as given."""
        if not isinstance(name, str):
            raise TypeError("name must be a string")
        record = pins.hash_pin(pin) if pin is not None else None
        pid = uuid.uuid4().hex
        meta = {"id": pid, "name": name, "created": to_iso(now()), "pin": record}
        with self._guard(N_("the new profile")):
            storage = self._storage(self._profile_path(pid))
            with storage.locked(create=True):
                storage.save_body(schema.new_body(schema.PROFILE, {"meta": {"1": meta}}))
            # upsert: another process opening the store may already have listed the new file
            self._index_table().upsert(dict(meta), _Q.id == pid)
        return pid

    def profiles(self) -> list[Profile]:
        with self._guard(N_("the list of profiles")):
            docs = self._index_table().all()
        return sorted((_profile(d) for d in docs), key=lambda p: (p.created, p.id))

    def profile(self, pid: str) -> Profile:
        with self._guard(N_("the profile")):
            return _profile(self._entry(pid))

    def rename_profile(self, pid: str, name: str) -> None:
        """Give a profile a new name (group mode does, when a roster name is corrected)."""
        if not isinstance(name, str):
            raise TypeError("name must be a string")
        with self._guard(N_("the new name")):
            self._change_entry(pid, {"name": name})
            self._profile_db(pid).table("meta").update({"name": name})

    def check_pin(self, pid: str, pin: str) -> bool:
        """True if ``pin`` is right (or the profile has no PIN). Raises PinLocked during a delay."""
        with self._guard(N_("the PIN check")):
            table = self._index_table()
            with table.storage.locked():
                entry = self._entry(pid)
                if entry.get("pin") is None:
                    return True
                ok, state = pins.attempt(entry, entry["pin"], pin)
                if pins.changed(entry, state):
                    table.update(state, _Q.id == pid)
                return ok

    def delete_profile(self, pid: str) -> None:
        """Remove the profile, its answers, journal and backups. It never comes back from a backup."""
        with self._guard(N_("the change")):
            table = self._index_table()
            with table.storage.locked():
                self._entry(pid)
                table.remove(_Q.id == pid)
                self._db(self.layout.index).table("deleted").insert({"id": pid})
                self.backups.rewrite_all(self.layout.index, schema.INDEX, lambda b: _scrub(b, pid))
            self._erase_profile_files(pid)
            self._forget_member(pid)

    # -- helpers -----------------------------------------------------------------------------------

    def _index_table(self) -> Any:
        return self._db(self.layout.index).table("profiles")

    def _entry(self, pid: str) -> dict[str, Any]:
        if not isinstance(pid, str):
            raise StoreError(_(UNKNOWN_PROFILE))
        found = self._index_table().search(_Q.id == pid)
        if not found:
            raise StoreError(_(UNKNOWN_PROFILE))
        return dict(found[0])

    def _change_entry(self, pid: str, fields: dict[str, Any]) -> None:
        table = self._index_table()
        with table.storage.locked():
            self._entry(pid)
            table.update(fields, _Q.id == pid)

    def _forget_member(self, pid: str) -> None:
        """Overridden by the groups part of the store."""


def _scrub(body: schema.Body, pid: str) -> schema.Body:
    tables = body["tables"]
    profiles = tables.get("profiles", {})
    for key in [k for k, doc in profiles.items() if doc.get("id") == pid]:
        del profiles[key]
    deleted = tables.setdefault("deleted", {})
    if all(doc.get("id") != pid for doc in deleted.values()):
        deleted[str(max((int(k) for k in deleted), default=0) + 1)] = {"id": pid}
    return body
