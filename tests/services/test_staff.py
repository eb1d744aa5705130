"""The staff PIN gate: one rule for group mode and the kiosk, each place with its own wrong-try count."""

from __future__ import annotations

import pytest

from course.pin_wait import Refusal, lockout
from course.services.staff import GROUP, KIOSK, Outcome, StaffCheck, StaffGate
from course.store import Store, StoreError, pins

PIN = "246813"


def test_choose_and_open(store: Store) -> None:
    gate = StaffGate(store, GROUP)
    assert not gate.is_set()
    assert gate.check(PIN) == StaffCheck(Outcome.WRONG, failures=0)  # no PIN set: nothing opens it
    gate.choose(PIN)
    assert gate.is_set()
    assert gate.check(PIN).opened


def test_wrong_then_wait_then_locked(store: Store, clock: list[float]) -> None:
    store.set_staff_pin(PIN)
    gate = StaffGate(store, KIOSK)
    for n in range(1, pins.FREE_TRIES):
        assert gate.check("111222") == StaffCheck(Outcome.WRONG, failures=n)
    assert gate.check("111222") == StaffCheck(Outcome.WRONG, wait=30.0, failures=pins.FREE_TRIES)
    clock[0] += 3
    assert gate.check(PIN) == StaffCheck(Outcome.LOCKED, wait=27.0)
    assert StaffGate(store, GROUP).check(PIN).opened  # a kiosk lockout never locks the counselor out
    clock[0] += 27
    assert gate.check(PIN).opened


def test_refusals() -> None:
    wrong = "That PIN is not right."
    assert StaffCheck(Outcome.OPEN).refusal(wrong) is None
    assert StaffCheck(Outcome.WRONG, failures=1).refusal(wrong) == Refusal(wrong)
    assert StaffCheck(Outcome.WRONG, wait=30, failures=5).refusal(wrong) == Refusal(wrong, 30)
    assert StaffCheck(Outcome.LOCKED, wait=27).refusal(wrong) == lockout(27)
    assert StaffCheck(Outcome.FAILED, problem="The disk is full.").refusal(wrong) == Refusal("The disk is full.")


class Failing:
    """A store whose staff file cannot be read or written."""

    def __init__(self, *, check: bool = True) -> None:
        self.fail_check = check

    def check_staff_pin(self, pin: str, place: str) -> bool:
        if self.fail_check:
            raise StoreError("The disk is full.")
        return False

    def staff_pin_failures(self, place: str) -> int:
        raise StoreError("The disk is full.")

    def staff_pin_wait(self, place: str) -> float:
        raise StoreError("The disk is full.")


def test_a_store_problem_is_said_not_raised() -> None:
    assert StaffGate(Failing(), KIOSK).check(PIN) == StaffCheck(Outcome.FAILED, problem="The disk is full.")  # type: ignore[arg-type]


def test_when_the_counts_cannot_be_read_the_gate_counts_itself() -> None:
    gate = StaffGate(Failing(check=False), GROUP)  # type: ignore[arg-type]
    checks = [gate.check("111222") for _ in range(pins.FREE_TRIES + 1)]
    assert [c.failures for c in checks] == list(range(1, pins.FREE_TRIES + 2))
    assert [c.wait for c in checks] == [0, 0, 0, 0, pins.FIRST_DELAY, 2 * pins.FIRST_DELAY]


@pytest.mark.parametrize("place", ["", "lobby"])
def test_only_known_places(store: Store, place: str) -> None:
    with pytest.raises(ValueError):
        StaffGate(store, place)
