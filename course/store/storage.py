"""A TinyDB storage that is safe with crashes, torn writes and several processes.

* Every read-modify-write runs under a cross-process file lock (see ``LockedTable``).
* Every write goes to a temp file that is fsynced and renamed over the old file, then the
  directory is fsynced (``atomic.write_atomic``).
* Every read reads the file again, so a change made by another process is always seen.
* Files carry a checksum and a schema version (``envelope``, ``schema``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from course.i18n import _

from . import atomic, envelope, schema
from .errors import Busy

if TYPE_CHECKING:
    from filelock import FileLock

LOCK_TIMEOUT = 15.0

DamageHandler = Callable[[Path, str, bytes], "schema.Body | None"]
WriteHook = Callable[[Path, bytes], None]


class Missing(Exception):
    """A file that must exist (a profile's data) is not there: the profile was deleted."""


class SafeStorage(Storage):
    def __init__(
        self,
        path: Path,
        *,
        kind: str,
        lock_path: Path,
        must_exist: bool = False,
        on_damage: DamageHandler | None = None,
        on_migrate: WriteHook | None = None,
        on_write: WriteHook | None = None,
    ) -> None:
        self.path = path
        self.kind = kind
        self.lock_path = lock_path
        self._lock: FileLock | None = None
        self.must_exist = must_exist
        self._on_damage = on_damage
        self._on_migrate = on_migrate
        self._on_write = on_write
        self._checked: bytes | None = None  # checksum of the last bytes fully checked or written here

    @property
    def lock(self) -> FileLock:
        """The cross-process lock for this file, made when it is first needed.

        Opening a store that needs no repair takes no lock, so filelock (a quarter of the time it takes to import
        the store) is then imported only when something is first saved, not before the first screen.
        """
        if self._lock is None:
            from filelock import FileLock

            self._lock = FileLock(self.lock_path, timeout=LOCK_TIMEOUT, mode=atomic.FILE_MODE)
        return self._lock

    @contextlib.contextmanager
    def locked(self, *, create: bool = False) -> Iterator[None]:
        """Hold the cross-process lock for this file (re-entrant within one thread).

        For a file that must exist, a missing file raises Missing before any lock file is made,
        unless ``create`` says the caller is about to create it.
        """
        if self.must_exist and not create and not self.path.exists():
            raise Missing(self.path)
        from filelock import Timeout

        try:
            self.lock.acquire()
        except Timeout as exc:
            raise Busy(
                _("Another copy of Family Course is busy with the saved data. Wait a moment and try again.")
            ) from exc
        try:
            yield
        finally:
            self.lock.release()

    def load(self) -> schema.Body | None:
        """Read, check and (if needed) migrate the file. None if it does not exist yet.

        A plain read needs no lock: files are only ever replaced whole, so a reader sees the old
        or the new file. Repairing or migrating a file takes the lock and reads it again.
        """
        raw = self._read_raw()
        if raw is None:
            return None
        try:
            body, migrated = self._decode(raw)
        except envelope.Damaged:
            pass
        else:
            if not migrated:
                return body
        with self.locked():
            return self._load_locked()

    def _read_raw(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            if self.must_exist:
                raise Missing(self.path) from None
            return None

    def _load_locked(self) -> schema.Body | None:
        raw = self._read_raw()
        if raw is None:
            return None
        try:
            body, migrated = self._decode(raw)
        except envelope.Damaged as exc:
            if self._on_damage is None:
                raise
            return self._on_damage(self.path, str(exc), raw)
        if migrated:
            if self._on_migrate is not None:
                self._on_migrate(self.path, raw)
            self.save_body(body)
        return body

    def _decode(self, raw: bytes) -> tuple[schema.Body, bool]:
        body, digest = envelope.decode_with_digest(raw)
        result = schema.upgrade(self.kind, body, thorough=digest != self._checked)
        self._checked = digest
        return result

    def read(self) -> dict[str, Any] | None:
        body = self.load()
        return None if body is None else body["tables"]

    def write(self, data: dict[str, Any]) -> None:
        with self.locked():
            self.save_body(schema.new_body(self.kind, data))

    def save_body(self, body: schema.Body) -> None:
        raw = envelope.encode(body)
        atomic.write_atomic(self.path, raw)
        self._checked = envelope.digest_of(raw)
        if self._on_write is not None:
            self._on_write(self.path, raw)

    def close(self) -> None:
        pass


class LockedTable(Table):
    """A table whose every change is one locked read-modify-write.

    TinyDB keeps a per-process next-id counter and query cache. Both are dropped here so that
    ids never collide across processes and a search never returns stale results.

    This leans on three of TinyDB's private names, which its public API has no way to reach: ``_storage`` (the
    table's storage, to take its lock), ``_next_id`` (the counter ``Table._get_next_id`` keeps) and
    ``_update_table`` (one read-modify-write of this table). TinyDB is pinned to the minor release they were
    read in (pyproject.toml), and tests/store/test_tinydb_internals.py fails when the TinyDB code they stand on
    changes.
    """

    _storage: SafeStorage

    @property
    def storage(self) -> SafeStorage:
        return self._storage

    def _locked(self) -> contextlib.AbstractContextManager[None]:
        # TinyDB counts ids on from the last one it handed out, in this process only: another process may have
        # inserted since, so the counter is forgotten and ``_get_next_id`` reads the file (under the lock) instead.
        self._next_id = None
        self.clear_cache()
        return self._storage.locked()

    def insert(self, document: Any) -> int:
        if isinstance(document, self.document_class):
            with self._locked():
                return super().insert(document)
        if not isinstance(document, Mapping):
            raise ValueError("Document is not a Mapping")
        new_ids: list[int] = []

        # TinyDB's own insert reads the file twice: once for the next id (``_get_next_id``), once to change the
        # table (``_update_table``). Under the lock both reads see the same file, but each read re-reads and
        # checks it, so here the id is taken from the table ``_update_table`` has just read: one read per insert.
        def add(table: dict[int, Any]) -> None:
            new_ids.append(max(table, default=0) + 1)
            table[new_ids[0]] = dict(document)

        with self._locked():
            self._update_table(add)
        return new_ids[0]

    def insert_multiple(self, documents: Any) -> list[int]:
        with self._locked():
            return super().insert_multiple(documents)

    def update(self, *args: Any, **kwargs: Any) -> list[int]:
        with self._locked():
            return super().update(*args, **kwargs)

    def upsert(self, *args: Any, **kwargs: Any) -> list[int]:
        with self._locked():
            return super().upsert(*args, **kwargs)

    def remove(self, *args: Any, **kwargs: Any) -> list[int]:
        with self._locked():
            return super().remove(*args, **kwargs)

    def truncate(self) -> None:
        with self._locked():
            super().truncate()

    def search(self, cond: Any) -> list[Any]:
        self.clear_cache()
        return super().search(cond)


class SafeDB(TinyDB):
    table_class = LockedTable

    def table(self, name: str, **kwargs: Any) -> LockedTable:
        found = super().table(name, **kwargs)
        assert isinstance(found, LockedTable)  # table_class above
        return found

    @property
    def store(self) -> SafeStorage:
        return self.storage  # type: ignore[return-value]
