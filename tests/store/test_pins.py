"""PINs: scrypt with a per-profile salt, constant-time compare, a growing delay that survives restarts."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path

import pytest

from course.store import PinLocked, Store, pins


def _index_entries(data_dir: Path) -> list[dict]:
    raw = (data_dir / "profiles.json").read_bytes()
    body = json.loads(raw)["body"]
    return list(body["tables"]["profiles"].values())


def test_pins_are_stored_only_as_salted_scrypt_hashes(data_dir: Path) -> None:
    with Store(data_dir) as s:
        a = s.create_profile("Ana", pin="482913")
        b = s.create_profile("Ben", pin="482913")
        assert s.profile(a).has_pin and s.check_pin(a, "482913") and not s.check_pin(a, "482914")
    entries = {e["id"]: e["pin"] for e in _index_entries(data_dir)}
    assert entries[a]["algo"] == "scrypt" and entries[a]["salt"] != entries[b]["salt"]
    assert entries[a]["hash"] != entries[b]["hash"]
    expected = hashlib.scrypt(
        b"482913",
        salt=bytes.fromhex(entries[a]["salt"]),
        n=entries[a]["n"],
        r=entries[a]["r"],
        p=entries[a]["p"],
        dklen=32,
    )
    assert expected.hex() == entries[a]["hash"]
    assert entries[a]["n"] >= 2**14
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert b"482913" not in path.read_bytes(), path


def test_pin_compare_is_constant_time(monkeypatch: pytest.MonkeyPatch, fast_pins: None) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(pins.hmac, "compare_digest", spy)
    record = pins.hash_pin("1234")
    assert pins.pin_matches(record, "1234") and not pins.pin_matches(record, "4321")
    assert len(calls) == 2


def test_no_pin_means_no_check_and_an_empty_pin_is_refused(store: Store, fast_pins: None) -> None:
    pid = store.create_profile("Ana")
    assert not store.profile(pid).has_pin and store.check_pin(pid, "anything")
    with pytest.raises(ValueError):
        store.create_profile("Ben", pin="")
    assert [p.name for p in store.profiles()] == ["Ana"]


def test_wrong_pins_bring_a_growing_delay_that_survives_restart(
    data_dir: Path, fast_pins: None, clock: list[float]
) -> None:
    with Store(data_dir) as s:
        pid = s.create_profile("Ana", pin="1234")
        for _ in range(4):
            assert s.check_pin(pid, "0000") is False
        assert s.check_pin(pid, "0000") is False  # the fifth wrong try starts the delay
        with pytest.raises(PinLocked) as first:
            s.check_pin(pid, "1234")  # even the right PIN waits
        assert first.value.retry_after == pytest.approx(30)
        assert "wait" in str(first.value)
    clock[0] += 10
    with Store(data_dir) as s:  # restarting does not reset the count
        with pytest.raises(PinLocked) as still:
            s.check_pin(pid, "1234")
        assert still.value.retry_after == pytest.approx(20)
        clock[0] += 21
        assert s.check_pin(pid, "9999") is False
        with pytest.raises(PinLocked) as second:
            s.check_pin(pid, "1234")
        assert second.value.retry_after == pytest.approx(60)
        clock[0] += 61
        assert s.check_pin(pid, "1234") is True  # a right PIN resets the count
        for _ in range(4):
            assert s.check_pin(pid, "0000") is False
        assert s.check_pin(pid, "1234") is True


def test_delay_grows_and_is_capped() -> None:
    delays = [pins.delay_after(n) for n in range(1, 20)]
    assert delays[:4] == [0, 0, 0, 0]
    assert delays[4:7] == [30, 60, 120]
    assert delays == sorted(delays) and max(delays) == pins.MAX_DELAY
