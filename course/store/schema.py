"""Schema versions, migrations and shape checks for every kind of data file.

Each file's body records ``kind`` and ``schema``. ``MIGRATIONS[kind][i]`` turns a body of schema
``i + 1`` into schema ``i + 2``, so the current schema of a kind is ``1 + len(MIGRATIONS[kind])``.
To change a file's layout, append a function here; never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from course.i18n import _

from .envelope import Damaged
from .errors import DataTooNew

Body = dict[str, Any]
Migration = Callable[[Body], Body]

INDEX, PROFILE, GROUPS, KIOSK, STAFF, PRESENTER = "profiles", "profile", "groups", "kiosk", "staff", "presenter"

MIGRATIONS: dict[str, list[Migration]] = {
    INDEX: [],
    PROFILE: [],
    GROUPS: [],
    KIOSK: [],
    STAFF: [],
    PRESENTER: [],
}

_STR, _INT, _BOOL, _LIST, _DICT = str, int, bool, list, dict
_NUM = (int, float)
_OPT_DICT = (dict, type(None))

# kind -> table -> field -> accepted type(s). Only listed tables and fields are checked.
SHAPES: dict[str, dict[str, dict[str, Any]]] = {
    INDEX: {
        "profiles": {"id": _STR, "name": _STR, "created": _STR, "pin": _OPT_DICT},
        "deleted": {"id": _STR},
    },
    PROFILE: {
        "meta": {"id": _STR, "name": _STR, "created": _STR},
        "answers": {"lesson_id": _STR, "question_id": _STR, "choices": _LIST, "correct": _BOOL, "at": _STR},
        "lessons": {"lesson_id": _STR, "step": _INT, "status": _STR, "seconds": _NUM},
        "quizzes": {
            "lesson_id": _STR,
            "score": _INT,
            "total": _INT,
            "percent": _INT,
            "passed": _BOOL,
            "at": _STR,
        },
        "journal": {
            "id": _STR,
            "lesson_id": _STR,
            "prompt_key": _STR,
            "prompt": _STR,
            "text": _STR,
            "created": _STR,
            "updated": _STR,
        },
        "prefs": {"key": _STR, "value": _STR},
        "attempts": {"lesson_id": _STR, "questions": _LIST, "right": _LIST, "started": _STR},
    },
    GROUPS: {
        "groups": {"id": _STR, "name": _STR, "created": _STR, "members": _LIST},
        "sessions": {
            "id": _STR,
            "group_id": _STR,
            "date": _STR,
            "lesson_id": _STR,
            "present": _LIST,
            "tallies": _DICT,
            "finished": _BOOL,
        },
    },
    KIOSK: {"days": {"day": _STR}},
    STAFF: {"staff": {}},
    PRESENTER: {},
}


def current(kind: str) -> int:
    return 1 + len(MIGRATIONS[kind])


def new_body(kind: str, tables: dict[str, Any] | None = None) -> Body:
    return {"kind": kind, "schema": current(kind), "tables": tables or {}}


def upgrade(kind: str, body: Body, *, thorough: bool = True) -> tuple[Body, bool]:
    """Check ``body`` and bring it to the current schema. Returns (body, migrated).

    Raises Damaged for a body of the wrong shape and DataTooNew for one from a newer program.
    ``thorough=False`` checks only the outline (for bytes this program already checked or wrote).
    """
    if body.get("kind") != kind:
        raise Damaged(f"the file holds {body.get('kind')!r} data where {kind!r} data belongs")
    version = body.get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise Damaged("the file does not say which version of the data layout it uses")
    if version > current(kind):
        raise DataTooNew(_(
            "This data was written by a newer version of Family Course, so this version will not "
            "change it. Please update Family Course on this computer to the newest version."
        ))
    migrated = version < current(kind)
    for migration in MIGRATIONS[kind][version - 1 :]:
        body = migration(body)
        body["schema"] = body.get("schema", 0) + 1
    if thorough or migrated:
        check_shape(kind, body)
    elif not isinstance(body.get("tables"), dict):
        raise Damaged("the file has no tables")
    return body, migrated


def check_shape(kind: str, body: Body) -> None:
    tables = body.get("tables")
    if not isinstance(tables, dict):
        raise Damaged("the file has no tables")
    for name, fields in SHAPES[kind].items():
        table = tables.get(name, {})
        if not isinstance(table, dict):
            raise Damaged(f"the {name!r} table is not a table")
        for doc_id, doc in table.items():
            if not (isinstance(doc_id, str) and doc_id.isdigit()) or not isinstance(doc, dict):
                raise Damaged(f"the {name!r} table holds a broken record")
            for field, kinds in fields.items():
                if not isinstance(doc.get(field), kinds):
                    raise Damaged(f"a record in the {name!r} table has a broken {field!r} field")
