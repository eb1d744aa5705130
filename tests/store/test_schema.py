"""Every file records its schema version; older ones migrate, newer ones are refused untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from course.store import DataTooNew, Store, StoreError, envelope, schema


def _body(path: Path) -> dict:
    return envelope.decode(path.read_bytes())


def _files(data_dir: Path) -> list[Path]:
    return [data_dir / n for n in ("profiles.json", "groups.json", "kiosk.json", "staff.json")] + sorted(
        (data_dir / "profiles").glob("*.json")
    )


@pytest.fixture
def filled(data_dir: Path, fast_pins: None) -> str:
    with Store(data_dir) as s:
        pid = s.create_profile("Ana")
        s.record_answer(pid, "l", "q", ["a"], True)
        s.create_group("g")
        s.kiosk_count("sessions")
        s.set_staff_pin("1234")
    return pid


def test_every_file_records_kind_and_schema(data_dir: Path, filled: str) -> None:
    for path in _files(data_dir):
        body = _body(path)
        assert body["schema"] == schema.current(body["kind"]), path
        assert set(body) >= {"kind", "schema", "tables"}


@pytest.mark.parametrize("name", ["profiles.json", "groups.json", "kiosk.json", "staff.json", "profile"])
def test_newer_file_is_refused_and_left_untouched(data_dir: Path, filled: str, name: str) -> None:
    path = data_dir / "profiles" / f"{filled}.json" if name == "profile" else data_dir / name
    body = _body(path)
    body["schema"] = schema.current(body["kind"]) + 1
    body["tables"]["future"] = {"1": {"something": "new"}}
    raw = envelope.encode(body)
    path.write_bytes(raw)
    with pytest.raises(DataTooNew, match="newer version of Family Course") as refused:
        Store(data_dir)
    assert isinstance(refused.value, StoreError)
    assert path.read_bytes() == raw
    assert not list((data_dir / "damaged").iterdir())


def test_older_file_is_migrated_with_a_backup_of_the_old_version(
    data_dir: Path, filled: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_dir / "profiles" / f"{filled}.json"
    old_raw = path.read_bytes()

    def rename_choices(body: dict) -> dict:  # schema 2 calls "choices" "picked"
        for doc in body["tables"].get("answers", {}).values():
            doc["picked"] = doc.pop("choices")
        return body

    def back_again(body: dict) -> dict:  # schema 3 undoes it, so the code below still works
        for doc in body["tables"].get("answers", {}).values():
            doc["choices"] = doc.pop("picked")
            doc["migrated"] = True
        return body

    monkeypatch.setitem(schema.MIGRATIONS, schema.PROFILE, [rename_choices, back_again])
    with Store(data_dir) as s:
        [answer] = s.answers(filled)
        assert answer.choices == ("a",)
    body = _body(path)
    assert body["schema"] == 3
    assert next(iter(body["tables"]["answers"].values()))["migrated"] is True
    kept = [p.read_bytes() for p in (data_dir / "backups" / f"profiles-{filled}.json").iterdir()]
    assert old_raw in kept


def test_files_are_plain_json_with_a_checksum(data_dir: Path, filled: str) -> None:
    outer = json.loads((data_dir / "profiles.json").read_bytes())
    assert set(outer) == {"sha256", "body"}
    assert outer["body"]["kind"] == "profiles"


@pytest.mark.parametrize("kind", sorted(schema.MIGRATIONS))
def test_wrong_kind_or_missing_version_is_damage(kind: str) -> None:
    with pytest.raises(envelope.Damaged):
        schema.upgrade(kind, {"kind": "elsewhere", "schema": 1, "tables": {}})
    with pytest.raises(envelope.Damaged):
        schema.upgrade(kind, {"kind": kind, "tables": {}})
    with pytest.raises(envelope.Damaged):
        schema.upgrade(kind, {"kind": kind, "schema": True, "tables": {}})
