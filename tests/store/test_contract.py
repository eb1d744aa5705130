"""The contract from the issue, exactly as written, and the API the UI uses around it."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC
from pathlib import Path

import pytest

from course.store import Answer, Profile, Store, StoreError

pytestmark = pytest.mark.usefixtures("each_platform")  # as it is, then as on Windows (nonposix.py)

NAMES = [
    "Ana",
    "Zoë 🌱 family",
    "مريم",  # right to left
    "[bold]x[/]",
    "\x1b[31mred\x1b[0m",
    "a/../../etc/passwd",
    "",
    "lone \udcff surrogate",
]


def test_contract_as_written(data_dir: Path) -> None:
    s = Store(data_dir)
    pid = s.create_profile("Ana", pin=None)
    assert isinstance(pid, str)
    assert [(p.id, p.name) for p in s.profiles()] == [(pid, "Ana")]
    s.record_answer(pid, "lesson-1", "q-1", ["b", "c"], True)
    s.record_answer(pid, "lesson-1", "q-2", ["a"], False)
    got = s.answers(pid)
    assert [(a.lesson_id, a.question_id, list(a.choices), a.correct) for a in got] == [
        ("lesson-1", "q-1", ["b", "c"], True),
        ("lesson-1", "q-2", ["a"], False),
    ]
    assert all(a.at.tzinfo is not None and a.at.utcoffset() == UTC.utcoffset(None) for a in got)
    assert got[0].at <= got[1].at
    s.delete_profile(pid)
    assert s.profiles() == []
    s.close()


def test_answers_survive_reopening(data_dir: Path) -> None:
    with Store(data_dir) as s:
        pid = s.create_profile("Ana")
        for i in range(5):
            s.record_answer(pid, "l", f"q{i}", [str(i)], i % 2 == 0)
    with Store(data_dir) as s:
        assert [a.question_id for a in s.answers(pid)] == [f"q{i}" for i in range(5)]
        assert isinstance(s.answers(pid)[0], Answer)


@pytest.mark.parametrize("name", NAMES)
def test_names_are_kept_verbatim_and_never_used_as_file_names(data_dir: Path, name: str) -> None:
    with Store(data_dir) as s:
        pid = s.create_profile(name)
    with Store(data_dir) as s:
        assert s.profile(pid).name == name
        assert s.profiles()[0].name == name
    every_path = [p.relative_to(data_dir).as_posix() for p in data_dir.rglob("*")]
    assert all(name not in path for path in every_path if name)
    assert (data_dir / "profiles" / f"{pid}.json").is_file()


def test_profiles_are_sorted_by_creation(store: Store) -> None:
    ids = [store.create_profile(n) for n in ["c", "a", "b"]]
    profiles = store.profiles()
    assert [p.id for p in profiles] == ids
    assert all(isinstance(p, Profile) and not p.has_pin for p in profiles)
    assert profiles[0].created <= profiles[1].created <= profiles[2].created


def test_rename_profile(store: Store) -> None:
    pid = store.create_profile("old")
    store.rename_profile(pid, "new 🎉")
    assert store.profile(pid).name == "new 🎉"


@pytest.mark.parametrize("bad", ["0" * 32, "not-an-id", "../profiles", ""])
def test_unknown_profile_is_a_clear_store_error(store: Store, bad: str) -> None:
    for call in (
        lambda: store.profile(bad),
        lambda: store.answers(bad),
        lambda: store.record_answer(bad, "l", "q", ["a"], True),
        lambda: store.delete_profile(bad),
        lambda: store.rename_profile(bad, "x"),
        lambda: store.journal(bad),
    ):
        with pytest.raises(StoreError, match="could not be found"):
            call()


def test_deleted_profile_is_gone_everywhere(data_dir: Path) -> None:
    with Store(data_dir) as s:
        keep = s.create_profile("keep")
        gone = s.create_profile("gone")
        s.record_answer(gone, "l", "q", ["a"], True)
        s.save_journal(gone, "l", "k", "prompt", "very private text")
    with Store(data_dir) as s:  # opening backs up the changed files
        s.delete_profile(gone)
        with pytest.raises(StoreError):
            s.record_answer(gone, "l", "q2", ["a"], True)
        assert [p.id for p in s.profiles()] == [keep]
    leftovers = [p for p in data_dir.rglob("*") if gone in p.name]
    assert leftovers == []
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert b"very private text" not in path.read_bytes(), path
            assert b'"gone"' not in path.read_bytes(), path


def test_store_never_imports_textual() -> None:
    code = "import sys, course.store; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_context_manager_closes_and_backs_up(data_dir: Path) -> None:
    with Store(data_dir) as s:
        pid = s.create_profile("Ana")
        s.record_answer(pid, "l", "q", ["a"], True)
    copies = list((data_dir / "backups" / f"profiles-{pid}.json").iterdir())
    assert copies and b'"q"' in sorted(copies)[-1].read_bytes()
