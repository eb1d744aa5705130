"""Group mode, kiosk counters, the presenter file and the staff PIN."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from course.store import KIOSK_EVENTS, Group, PinLocked, Store, StoreError


def test_groups_members_and_sessions(store: Store) -> None:
    ana, ben = store.create_profile("Ana"), store.create_profile("Ben")
    gid = store.create_group("Tuesday families")
    store.add_member(gid, ana)
    store.add_member(gid, ben)
    store.add_member(gid, ana)
    assert store.group(gid) == Group(gid, "Tuesday families", store.group(gid).created, (ana, ben))
    store.remove_member(gid, ben)
    assert [g.member_ids for g in store.groups()] == [(ana,)]
    with pytest.raises(StoreError):
        store.add_member(gid, "0" * 32)

    sid = store.start_session(gid, "trust", "2026-11-20")
    store.set_present(sid, ana, True)
    store.set_present(sid, ben, True)
    store.set_present(sid, ben, False)
    store.record_tally(sid, "calling-in-sick", {"a": 3, "b": 5})
    store.record_tally(sid, "calling-in-sick", {"a": 4, "b": 5})
    [session] = store.sessions(gid)
    assert (session.id, session.date, session.lesson_id, session.present, session.finished) == (
        sid,
        "2026-11-20",
        "trust",
        (ana,),
        False,
    )
    assert session.tallies == {"calling-in-sick": {"a": 4, "b": 5}}

    store.finish_session(sid)
    assert store.sessions(gid)[0].finished
    assert store.lesson_state(ana, "trust").status == "done"
    assert store.lesson_state(ben, "trust").status == "not_started"


def test_unknown_group_and_session(store: Store) -> None:
    with pytest.raises(StoreError):
        store.group("nope")
    with pytest.raises(StoreError):
        store.start_session("nope", "l", "2026-01-01")
    with pytest.raises(StoreError):
        store.set_present("nope", "x", True)
    with pytest.raises(StoreError):
        store.finish_session("nope")


def test_deleting_a_profile_removes_it_from_groups(store: Store) -> None:
    ana = store.create_profile("Ana")
    gid = store.create_group("g")
    store.add_member(gid, ana)
    sid = store.start_session(gid, "l", "2026-01-01")
    store.set_present(sid, ana, True)
    store.delete_profile(ana)
    assert store.group(gid).member_ids == ()
    assert store.sessions(gid)[0].present == ()


def test_kiosk_counters_per_day(data_dir: Path) -> None:
    with Store(data_dir) as s:
        s.kiosk_count("sessions", day=date(2026, 11, 21))
        s.kiosk_count("sessions", day=date(2026, 11, 20))
        s.kiosk_count("questions_answered", 3, day=date(2026, 11, 20))
        s.kiosk_count("sessions", day=date(2026, 11, 20))
        with pytest.raises(ValueError):
            s.kiosk_count("names_typed")
    with Store(data_dir) as s:
        report = s.kiosk_report()
    assert [r["day"] for r in report] == ["2026-11-20", "2026-11-21"]
    assert report[0] == {
        "day": "2026-11-20",
        "sessions": 2,
        "lessons_started": 0,
        "lessons_finished": 0,
        "questions_answered": 3,
        "questions_right": 0,
    }
    assert set(report[1]) == {"day", *KIOSK_EVENTS}


def test_presenter_is_shared_between_stores(data_dir: Path) -> None:
    leader, screen = Store(data_dir), Store(data_dir)
    assert screen.presenter() is None
    leader.set_presenter({"lesson_id": "trust", "step": 2, "blank": False})
    seen = screen.presenter()
    assert seen is not None and seen["step"] == 2 and seen["blank"] is False and "updated" in seen
    leader.set_presenter({"lesson_id": "trust", "step": 3, "blank": True})
    assert screen.presenter()["step"] == 3  # type: ignore[index]
    (data_dir / "presenter.json").write_bytes(b"garbage")
    assert screen.presenter() is None


def test_staff_pin(store: Store, fast_pins: None, clock: list[float]) -> None:
    assert not store.has_staff_pin()
    assert store.check_staff_pin("1234") is False
    store.set_staff_pin("1234")
    assert store.has_staff_pin()
    assert store.check_staff_pin("1234")
    for _ in range(5):
        assert not store.check_staff_pin("0000")
    assert store.staff_pin_failures() == 5
    with pytest.raises(PinLocked) as locked:
        store.check_staff_pin("1234")
    assert locked.value.retry_after == pytest.approx(30)
    clock[0] += 31
    assert store.check_staff_pin("1234")
    assert store.staff_pin_failures() == 0
