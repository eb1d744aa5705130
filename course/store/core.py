"""The heart of the store: opening the data directory, one TinyDB per file, locks, recovery, backups."""

from __future__ import annotations

import contextlib
import functools
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Self

from course.i18n import N_, _

from . import atomic, envelope, schema
from .backups import Backups
from .errors import Busy, StoreError, from_os_error
from .layout import Layout, is_id
from .records import now, to_iso
from .storage import Missing, SafeDB, SafeStorage

UNKNOWN_PROFILE = N_(
    "This profile could not be found. It may have been deleted on another screen; "
    "please choose a profile from the list."
)

_SHARED_KINDS = {
    "profiles.json": schema.INDEX,
    "groups.json": schema.GROUPS,
    "kiosk.json": schema.KIOSK,
    "staff.json": schema.STAFF,
    "presenter.json": schema.PRESENTER,
}

_WHAT = {
    # Translators: this and the four below name a damaged file in "{name} was damaged; ..."
    schema.INDEX: N_("The list of profiles"),
    schema.GROUPS: N_("The family groups file"),
    schema.KIOSK: N_("The waiting-room counters file"),
    schema.STAFF: N_("The staff PIN file"),
    schema.PRESENTER: N_("The presenter screen file"),
}


class StoreCore:
    def __init__(self, data_dir: Path | str, *, backup_every: float = 60.0) -> None:
        self.data_dir = Path(data_dir)
        self.layout = Layout(self.data_dir)
        self.backups = Backups(self.layout)
        self.problems: list[str] = []
        self.backup_every = backup_every
        self._storages: dict[Path, SafeStorage] = {}
        self._dbs: dict[Path, SafeDB] = {}
        self._dirty: set[Path] = set()
        self._last_backup: dict[Path, float] = {}
        self._opened = time.monotonic()
        with self._guard(N_("your progress")):
            for folder in self.layout.directories():
                atomic.make_private_dir(folder)
            self._open_checks()

    # -- context manager -------------------------------------------------------------------------

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Back up every file this store changed. Safe to call more than once."""
        for path in sorted(self._dirty):
            self._backup_now(path)
        self._dirty.clear()

    # -- errors ------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _guard(self, what: str) -> Iterator[None]:
        """Turn low-level failures inside a public method into StoreErrors a person can act on."""
        try:
            yield
        except StoreError:
            raise
        except Missing as exc:
            raise StoreError(_(UNKNOWN_PROFILE)) from exc
        except OSError as exc:
            raise from_os_error(exc, what, self.data_dir) from exc

    # -- files and databases -----------------------------------------------------------------------

    def _kind(self, path: Path) -> str:
        return schema.PROFILE if path.parent == self.layout.profiles_dir else _SHARED_KINDS[path.name]

    def _storage(self, path: Path) -> SafeStorage:
        storage = self._storages.get(path)
        if storage is None:
            kind = self._kind(path)
            storage = SafeStorage(
                path,
                kind=kind,
                lock_path=self.layout.lock(path),
                must_exist=kind == schema.PROFILE,
                on_damage=functools.partial(self._recover, kind),
                on_migrate=self._before_migration,
                on_write=self._after_write if kind != schema.PRESENTER else None,
            )
            self._storages[path] = storage
        return storage

    def _db(self, path: Path) -> SafeDB:
        db = self._dbs.get(path)
        if db is None:
            db = SafeDB(storage=lambda: self._storage(path))
            self._dbs[path] = db
        return db

    def _profile_path(self, pid: str) -> Path:
        if not is_id(pid):
            raise StoreError(_(UNKNOWN_PROFILE))
        return self.layout.profile(pid)

    def _profile_db(self, pid: str) -> SafeDB:
        return self._db(self._profile_path(pid))

    # -- backups -----------------------------------------------------------------------------------

    def _after_write(self, path: Path, raw: bytes) -> None:
        self._dirty.add(path)
        now = time.monotonic()
        if now - self._last_backup.get(path, self._opened) >= self.backup_every:
            self._last_backup[path] = now
            with contextlib.suppress(OSError):  # the data is saved; the next backup will try again
                self.backups.take(path, raw)

    def _before_migration(self, path: Path, raw: bytes) -> None:
        self.backups.take(path, raw)

    def _backup_now(self, path: Path) -> None:
        """Check ``path`` and back it up if it changed since its newest backup. Never raises OSError."""
        try:
            stat = path.stat()
        except OSError:
            return
        newest = self.backups.newest_mtime_ns(path)
        if newest is not None and stat.st_mtime_ns < newest:
            return
        storage = self._storage(path)
        try:
            with storage.locked():
                if storage.load() is None:
                    return
                self.backups.take(path, path.read_bytes())
        except (OSError, Missing, Busy):
            return  # a backup is a safety net: never let it stop the program

    # -- opening -----------------------------------------------------------------------------------

    def _open_checks(self) -> None:
        index = self._storage(self.layout.index).load()
        for path in (self.layout.groups, self.layout.kiosk, self.layout.staff):
            self._storage(path).load()
        try:
            self._sweep_temps()
            self._reconcile_index(index)
        except (OSError, Busy) as exc:
            # Read-only or locked data can still be shown; saving will say what is wrong.
            error = exc if isinstance(exc, StoreError) else from_os_error(exc, N_("your progress"), self.data_dir)
            self.problems.append(_("Progress can be seen but maybe not saved right now. {error}").format(error=error))
            return
        for path in self.layout.all_data_files():
            self._backup_now(path)

    def _sweep_temps(self) -> None:
        """Remove temp files left by a crash (each under its target's lock, so never a live one)."""
        for folder in (self.layout.root, self.layout.profiles_dir):
            for leftover in folder.glob(f"*{atomic.TMP_MARK}*"):
                target = atomic.target_of(leftover)
                if target.name not in _SHARED_KINDS and not is_id(target.stem):
                    continue
                with self._storage(target).locked(create=True):
                    atomic.remove_quietly(leftover)

    def _reconcile_index(self, index: schema.Body | None) -> None:
        """Make profiles.json agree with the profile files (after a crash or a restore).

        It is checked first with a plain read, which needs no lock (files are only ever replaced whole); the lock
        is taken, and the file read again, only when something has to change. ``index`` is the list as opening
        has just read it. Either way, a folder where the lock cannot even be made (read-only) raises OSError
        here, so that opening can say so at once.
        """
        storage = self._storage(self.layout.index)
        if self._index_agrees(index):
            self._make_lock_file(storage.lock_path)
            return
        with storage.locked():
            body = storage.load() or schema.new_body(schema.INDEX)
            merged, changed = self._merged_index(body)
            if changed:
                storage.save_body(merged)

    @staticmethod
    def _make_lock_file(path: Path) -> None:
        """Make the lock file as taking the lock would, without taking it (nor importing filelock)."""
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, atomic.FILE_MODE))

    def _profile_ids_on_disk(self) -> set[str]:
        return {p.stem for p in self.layout.profiles_dir.glob("*.json") if is_id(p.stem)}

    def _index_agrees(self, body: schema.Body | None) -> bool:
        """True if ``_merged_index`` would change nothing: the index lists exactly the profile files there are,
        and no deleted profile is listed or has a file left."""
        on_disk = self._profile_ids_on_disk()
        if body is None:
            return not on_disk
        tables = body["tables"]
        listed = {doc["id"] for doc in tables.get("profiles", {}).values()}
        deleted = {doc["id"] for doc in tables.get("deleted", {}).values()}
        return listed == on_disk and not (on_disk & deleted) and not (listed & deleted)

    def _merged_index(self, body: schema.Body) -> tuple[schema.Body, bool]:
        tables = body["tables"]
        entries: dict[str, Any] = tables.setdefault("profiles", {})
        deleted = {doc["id"] for doc in tables.get("deleted", {}).values()}
        on_disk = self._profile_ids_on_disk()
        changed = False
        for pid in sorted(on_disk & deleted):
            self._erase_profile_files(pid)
        listed = {doc["id"]: key for key, doc in entries.items()}
        for pid, key in listed.items():
            if pid in deleted or (pid not in on_disk and not self._restore_missing_profile(pid)):
                del entries[key]
                changed = True
        next_key = max((int(k) for k in entries), default=0) + 1
        for pid in sorted(on_disk - deleted - set(listed)):
            meta = self._profile_meta(pid)
            if meta is None:
                continue
            entries[str(next_key)] = {
                "id": pid,
                "name": meta["name"],
                "created": meta["created"],
                "pin": meta.get("pin"),
            }
            next_key += 1
            changed = True
        return body, changed

    def _profile_meta(self, pid: str) -> dict[str, Any] | None:
        try:
            body = self._storage(self.layout.profile(pid)).load()
        except Missing:
            return None
        metas = list((body or {}).get("tables", {}).get("meta", {}).values())
        return metas[0] if metas else None

    def _restore_missing_profile(self, pid: str) -> bool:
        """A listed profile whose file is gone: bring it back from a backup if there is one."""
        path = self.layout.profile(pid)
        storage = self._storage(path)
        with storage.locked(create=True):
            if path.exists():
                return True
            found = self.backups.newest_good(path, schema.PROFILE)
            if found is None:
                return False
            body, when = found
            storage.save_body(body)
        name = (self._profile_meta(pid) or {}).get("name", "")
        if when is None:
            said = _("The progress file for {name} was missing; it was restored from an earlier backup.")
        else:
            said = _("The progress file for {name} was missing; it was restored from the backup made {when}.")
        self.problems.append(said.format(name=name, when=_when(when)))
        return True

    def _erase_profile_files(self, pid: str) -> None:
        path = self.layout.profile(pid)
        with self._storage(path).locked(create=True):
            atomic.remove_quietly(path)
            self.backups.purge(path)
            for copy in self.backups.damaged_copies(path):
                atomic.remove_quietly(copy)
            atomic.fsync_dir(path.parent)
        atomic.remove_quietly(self.layout.lock(path))
        self._dirty.discard(path)
        self._storages.pop(path, None)
        self._dbs.pop(path, None)

    # -- recovery ----------------------------------------------------------------------------------

    def _recover(self, kind: str, path: Path, reason: str, raw: bytes) -> schema.Body:
        """Called with the file's lock held when ``path`` will not read: keep it aside, restore a backup."""
        kept = self.backups.quarantine(path)
        found = self.backups.newest_good(path, kind)
        when = None
        if found is not None:
            body, when = found
        else:
            body = self._fresh_body(kind, path)
        if kind == schema.INDEX:
            body, _rest = self._merged_index(body)
        atomic.write_atomic(path, envelope.encode(body))
        self._dirty.add(path)
        if kind == schema.PROFILE:
            metas = list(body["tables"].get("meta", {}).values())
            name = metas[0]["name"] if metas else ""
            if found is None:
                said = _("A progress file was damaged; there was no good backup, so it was started again. "
                         "The damaged copy was kept at {kept}.")
            elif when is None:
                said = _("Your progress file for {name} was damaged; it was restored from an earlier backup. "
                         "The damaged copy was kept at {kept}.")
            else:
                said = _("Your progress file for {name} was damaged; it was restored from the backup made {when}. "
                         "The damaged copy was kept at {kept}.")
        else:
            name = _(_WHAT[kind])
            if found is None:
                # Translators: {name} names a damaged file, such as "The list of profiles"
                said = _("{name} was damaged; there was no good backup, so it was started again. "
                         "The damaged copy was kept at {kept}.")
            elif when is None:
                said = _("{name} was damaged; it was restored from an earlier backup. "
                         "The damaged copy was kept at {kept}.")
            else:
                said = _("{name} was damaged; it was restored from the backup made {when}. "
                         "The damaged copy was kept at {kept}.")
        self.problems.append(said.format(name=name, when=_when(when), kept=kept))
        return body

    def _fresh_body(self, kind: str, path: Path) -> schema.Body:
        if kind != schema.PROFILE:
            return schema.new_body(kind)
        meta = {"id": path.stem, "name": "", "created": to_iso(now()), "pin": None}
        return schema.new_body(kind, {"meta": {"1": meta}})


def _when(moment: Any) -> str:
    if moment is None:
        return ""
    return str(moment.astimezone().strftime("%Y-%m-%d %H:%M"))
