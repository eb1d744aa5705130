"""The TinyDB code that course/store/storage.py's LockedTable stands on, recorded as it was read.

LockedTable uses three private names of TinyDB's Table (``_storage``, ``_next_id``, ``_update_table``) and
replaces ``insert`` for plain documents. pyproject.toml pins TinyDB to the minor release they were read in; these
tests fail when that code changes anyway (a new patch release, or the pin moved). Then read the new TinyDB
code, check that what LockedTable's comments say still holds (and the two-process tests in test_concurrency.py
pass), and record the new fingerprints below.
"""

from __future__ import annotations

import hashlib
import inspect
from pathlib import Path
from typing import Any

import pytest
import tinydb
from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Table

from course.store import Store

# sha256 of ``inspect.getsource`` of each method, first 16 hex digits, for TinyDB 4.9.0.
RECORDED = {
    "__init__": "94f8e8ceb63f8019",  # sets _storage and _next_id
    "insert": "8a466898b4012cfb",  # what LockedTable.insert does in one read instead of two
    "_get_next_id": "261a7b28dab880e0",  # counts on from _next_id, or reads the table when it is None
    "_update_table": "38caea1438f9f4c8",  # one read-modify-write of the table, ids as ints inside
}


def fingerprint(method: Any) -> str:
    return hashlib.sha256(inspect.getsource(method).encode()).hexdigest()[:16]


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_the_tinydb_code_locked_table_relies_on_is_unchanged(name: str) -> None:
    assert fingerprint(getattr(Table, name)) == RECORDED[name], (
        f"TinyDB {tinydb.__version__} changed Table.{name}: check course/store/storage.py (LockedTable) against "
        "the new code, then record the new fingerprint in this file")


def test_the_private_names_mean_what_locked_table_takes_them_to_mean() -> None:
    db = TinyDB(storage=MemoryStorage)
    table = db.table("t")
    assert table._storage is db.storage
    assert table.insert({"a": 1}) == 1
    assert table._next_id == 2  # the per-process counter LockedTable forgets before each change
    seen: list[dict[int, Any]] = []

    def add(rows: dict[int, Any]) -> None:
        seen.append(dict(rows))
        rows[max(rows) + 1] = {"a": 2}

    table._update_table(add)
    assert seen == [{1: {"a": 1}}]  # ids are ints inside, as LockedTable.insert counts them
    assert [doc.doc_id for doc in table.all()] == [1, 2]


def test_an_insert_after_another_process_inserted_takes_the_next_free_id(tmp_path: Path) -> None:
    """The counter TinyDB keeps would hand out an id another Store has used since; LockedTable reads instead."""
    with Store(tmp_path) as one, Store(tmp_path) as two:
        pid = one.create_profile("Ana")
        first = one._profile_db(pid).table("notes")
        second = two._profile_db(pid).table("notes")
        assert first.insert_multiple([{"n": 1}]) == [1]  # TinyDB now counts on from 2, in this Store
        assert second.insert({"n": 2}) == 2
        assert first.insert_multiple([{"n": 3}]) == [3]  # not 2 again, which would write over the second's
        assert sorted(doc["n"] for doc in second.all()) == [1, 2, 3]
