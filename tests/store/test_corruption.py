"""Damaged files: moved aside byte for byte, the newest good backup restored, the user told."""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from course.store import Store

FILES = ["profiles.json", "profile", "groups.json", "kiosk.json", "staff.json"]


def _bitflip(at: float) -> Callable[[bytes], bytes]:
    def flip(raw: bytes) -> bytes:
        i = min(int(len(raw) * at), len(raw) - 1)
        return raw[:i] + bytes([raw[i] ^ (1 << (i % 8))]) + raw[i + 1 :]

    return flip


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "emptied": lambda raw: b"",
    "truncated": lambda raw: raw[: len(raw) // 2],
    "truncated-by-one": lambda raw: raw[:-1],
    "nul-filled": lambda raw: b"\0" * len(raw),
    "random-bytes": lambda raw: random.Random(len(raw)).randbytes(len(raw)),
    "json-list": lambda raw: b"[1, 2, 3]",
    "json-wrong-tables": lambda raw: json.dumps({"answers": "none", "_default": []}).encode(),
    "stock-tinydb-json": lambda raw: json.dumps({"_default": {"1": {"name": "x"}}}).encode(),
    "bitflip-start": _bitflip(0.0),
    "bitflip-checksum": _bitflip(0.05),
    "bitflip-middle": _bitflip(0.5),
    "bitflip-late": _bitflip(0.9),
    "bitflip-end": _bitflip(1.0),
}


@pytest.fixture
def filled(data_dir: Path, fast_pins: None) -> dict[str, object]:
    with Store(data_dir) as s:
        ana = s.create_profile("Ana 🌱", pin="1234")
        ben = s.create_profile("Ben")
        for i in range(6):
            s.record_answer(ana, "trust", f"q{i}", ["a", str(i)], i % 2 == 0)
        s.record_answer(ben, "trust", "q0", ["b"], False)
        s.save_journal(ana, "trust", "why", "Why?", "Because.")
        gid = s.create_group("Tuesday")
        s.add_member(gid, ana)
        s.kiosk_count("sessions", 3)
        s.set_staff_pin("9999")
    return {"ana": ana, "ben": ben, "gid": gid}


def _snapshot(s: Store, ids: dict[str, object]) -> dict[str, object]:
    ana, ben = str(ids["ana"]), str(ids["ben"])
    return {
        "profiles": [(p.id, p.name, p.has_pin) for p in s.profiles()],
        "ana": [(a.question_id, a.choices, a.correct) for a in s.answers(ana)],
        "ben": [(a.question_id, a.choices, a.correct) for a in s.answers(ben)],
        "journal": [e.text for e in s.journal(ana)],
        "groups": [(g.name, g.member_ids) for g in s.groups()],
        "kiosk": [r["sessions"] for r in s.kiosk_report()],
        "staff": s.has_staff_pin(),
    }


def _target(data_dir: Path, name: str, ids: dict[str, object]) -> Path:
    return data_dir / "profiles" / f"{ids['ana']}.json" if name == "profile" else data_dir / name


@pytest.mark.parametrize("damage", sorted(DAMAGE))
@pytest.mark.parametrize("name", FILES)
def test_damaged_file_is_kept_and_restored(data_dir: Path, filled: dict[str, object], name: str, damage: str) -> None:
    with Store(data_dir) as s:
        before = _snapshot(s, filled)
    path = _target(data_dir, name, filled)
    broken = DAMAGE[damage](path.read_bytes())
    path.write_bytes(broken)

    with Store(data_dir) as s:
        assert _snapshot(s, filled) == before
        assert len(s.problems) == 1
        assert "was damaged" in s.problems[0] and "restored from the backup" in s.problems[0]
        if name == "profile":
            assert "Ana 🌱" in s.problems[0]
        assert s.check_staff_pin("9999")
    kept = [p.read_bytes() for p in (data_dir / "damaged").iterdir()]
    assert kept == [broken]
    with Store(data_dir) as s:  # and the repair holds
        assert s.problems == []
        assert _snapshot(s, filled) == before


def test_damage_found_while_running_is_repaired_on_the_next_read(data_dir: Path, filled: dict[str, object]) -> None:
    with Store(data_dir) as s:
        path = _target(data_dir, "profile", filled)
        path.write_bytes(b"\0" * 10)
        assert len(s.answers(str(filled["ana"]))) == 6
        assert len(s.problems) == 1
        s.record_answer(str(filled["ana"]), "trust", "after", ["a"], True)
    with Store(data_dir) as s:
        assert [a.question_id for a in s.answers(str(filled["ana"]))][-1] == "after"


def test_lost_profile_list_without_backups_is_rebuilt_from_profile_files(
    data_dir: Path, filled: dict[str, object]
) -> None:
    shutil.rmtree(data_dir / "backups")
    (data_dir / "profiles.json").write_bytes(b"{")
    with Store(data_dir) as s:
        assert {(p.name, p.has_pin) for p in s.profiles()} == {("Ana 🌱", True), ("Ben", False)}
        assert "no good backup" in s.problems[0]
        assert s.check_pin(str(filled["ana"]), "1234")


def test_damaged_profile_without_backup_keeps_the_profile(data_dir: Path, filled: dict[str, object]) -> None:
    ana = str(filled["ana"])
    shutil.rmtree(data_dir / "backups")
    _target(data_dir, "profile", filled).write_bytes(b"junk")
    with Store(data_dir) as s:
        assert s.profile(ana).name == "Ana 🌱"
        assert s.answers(ana) == []
        assert "no good backup" in s.problems[0]
    assert [p.read_bytes() for p in (data_dir / "damaged").iterdir()] == [b"junk"]


def test_a_damaged_newest_backup_falls_back_to_an_older_one(data_dir: Path, filled: dict[str, object]) -> None:
    ana = str(filled["ana"])
    with Store(data_dir) as s:
        s.record_answer(ana, "trust", "later", ["a"], True)
    folder = data_dir / "backups" / f"profiles-{ana}.json"
    newest = sorted(folder.iterdir())[-1]
    newest.write_bytes(b"bad backup")
    _target(data_dir, "profile", filled).write_bytes(b"bad file")
    with Store(data_dir) as s:
        assert [a.question_id for a in s.answers(ana)] == [f"q{i}" for i in range(6)]


def test_a_missing_profile_file_comes_back_from_its_backup(data_dir: Path, filled: dict[str, object]) -> None:
    _target(data_dir, "profile", filled).unlink()
    with Store(data_dir) as s:
        assert len(s.answers(str(filled["ana"]))) == 6
        assert "missing" in s.problems[0]


def test_backups_rotate(data_dir: Path) -> None:
    with Store(data_dir, backup_every=0) as s:
        pid = s.create_profile("Ana")
        for i in range(12):
            s.record_answer(pid, "l", f"q{i}", ["a"], True)
    assert len(list((data_dir / "backups" / f"profiles-{pid}.json").iterdir())) == 5


def test_opening_backs_up_what_an_unclosed_session_saved(data_dir: Path) -> None:
    s = Store(data_dir)
    pid = s.create_profile("Ana")
    for i in range(3):
        s.record_answer(pid, "l", f"q{i}", ["a"], True)
    del s  # never closed, as after a crash
    Store(data_dir)  # opening backs up what changed since the last backup
    (data_dir / "profiles" / f"{pid}.json").write_bytes(b"")
    with Store(data_dir) as again:
        assert [a.question_id for a in again.answers(pid)] == ["q0", "q1", "q2"]


def test_choices_must_be_a_list(store: Store) -> None:
    pid = store.create_profile("Ana")
    with pytest.raises(TypeError):
        store.record_answer(pid, "l", "q", "abc", True)  # type: ignore[arg-type]
