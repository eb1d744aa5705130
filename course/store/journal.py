"""The private journal: one entry per (lesson, prompt), kept in the profile's own file."""

from __future__ import annotations

import uuid
from typing import Any

from tinydb import Query

from course.i18n import N_, _

from .core import StoreCore
from .errors import StoreError
from .records import JournalEntry, from_iso, now, to_iso

_Q = Query()

UNKNOWN_ENTRY = N_("This journal entry could not be found. It may have been deleted on another screen.")


def _entry(doc: dict[str, Any]) -> JournalEntry:
    return JournalEntry(
        id=doc["id"],
        lesson_id=doc["lesson_id"],
        prompt_key=doc["prompt_key"],
        prompt=doc["prompt"],
        text=doc["text"],
        created=from_iso(doc["created"]),
        updated=from_iso(doc["updated"]),
    )


class JournalMixin(StoreCore):
    def journal(self, pid: str) -> list[JournalEntry]:
        """Every journal entry, oldest first."""
        with self._guard(N_("your journal")):
            docs = self._profile_db(pid).table("journal").all()
        return [_entry(d) for d in sorted(docs, key=lambda d: (d["created"], d.doc_id))]

    def save_journal(self, pid: str, lesson_id: str, prompt_key: str, prompt: str, text: str) -> JournalEntry:
        """Create or replace the entry for (lesson_id, prompt_key)."""
        cond = (_Q.lesson_id == lesson_id) & (_Q.prompt_key == prompt_key)
        with self._guard(N_("your journal entry")):
            table = self._profile_db(pid).table("journal")
            with table.storage.locked():
                found = table.search(cond)
                stamp = to_iso(now())
                doc = (
                    dict(found[0])
                    if found
                    else {
                        "id": uuid.uuid4().hex,
                        "lesson_id": lesson_id,
                        "prompt_key": prompt_key,
                        "created": stamp,
                    }
                )
                doc.update(prompt=prompt, text=text, updated=stamp)
                table.upsert(doc, cond)
        return _entry(doc)

    def update_journal(self, pid: str, entry_id: str, text: str) -> JournalEntry:
        with self._guard(N_("your journal entry")):
            table = self._profile_db(pid).table("journal")
            with table.storage.locked():
                found = table.search(_Q.id == entry_id)
                if not found:
                    raise StoreError(_(UNKNOWN_ENTRY))
                doc = dict(found[0])
                doc.update(text=text, updated=to_iso(now()))
                table.update(doc, _Q.id == entry_id)
        return _entry(doc)

    def delete_journal(self, pid: str, entry_id: str) -> None:
        with self._guard(N_("the change to your journal")):
            if not self._profile_db(pid).table("journal").remove(_Q.id == entry_id):
                raise StoreError(_(UNKNOWN_ENTRY))
