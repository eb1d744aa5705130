"""Group mode's staff PIN: an empty box is not a try, the lockout is group mode's own, and the wait counts down."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from course.content.model import Course
from course.store import Store, pins
from course.store.staff import GROUP, KIOSK
from course.ui.group.access import StaffPinScreen
from course.ui.group.groups_screen import GroupsScreen
from tests.group.helpers import SIZE, group_app

PIN = "246813"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(pins, "clock", fake)
    return fake


async def enter_pin(pilot, pin: str) -> str:
    """Type ``pin`` (it may be empty) and press Enter; the message shown, or "" once past the PIN screen."""
    screen = pilot.app.screen
    screen.query_one("#pin", Input).value = pin
    await pilot.press("enter")
    await pilot.pause()
    if not isinstance(pilot.app.screen, StaffPinScreen):
        return ""
    assert screen.query_one("#pin", Input).value == ""
    return str(screen.query_one("#access-error", Static).render())


async def test_enter_on_an_empty_box_is_not_a_wrong_pin(store: Store, course: Course, clock: FakeClock) -> None:
    store.set_staff_pin(PIN)
    app = group_app(course, store)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(pins.FREE_TRIES + 3):
            assert await enter_pin(pilot, "") == "Type the staff PIN first."
        assert store.staff_pin_failures(GROUP) == 0 and store.staff_pin_wait(GROUP) == 0
        assert await enter_pin(pilot, PIN) == ""
        assert isinstance(app.screen, GroupsScreen)


async def test_a_kiosk_lockout_does_not_lock_the_counselor_out(store: Store, course: Course,
                                                               clock: FakeClock) -> None:
    store.set_staff_pin(PIN)
    for _ in range(pins.FREE_TRIES):
        assert not store.check_staff_pin("111222", KIOSK)  # a visitor guessing at the kiosk
    assert store.staff_pin_wait(KIOSK) == pytest.approx(30)
    app = group_app(course, store)
    async with app.run_test(size=SIZE) as pilot:
        assert await enter_pin(pilot, PIN) == ""
        assert isinstance(app.screen, GroupsScreen)
    assert store.staff_pin_wait(KIOSK) == pytest.approx(30)  # the kiosk's own wait stays


async def test_the_lockout_message_counts_down(store: Store, course: Course, clock: FakeClock) -> None:
    store.set_staff_pin(PIN)
    app = group_app(course, store)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(pins.FREE_TRIES - 1):
            assert await enter_pin(pilot, "111222") == "That is not the staff PIN. Please try again."
        assert await enter_pin(pilot, "111222") == ("That is not the staff PIN. Please wait 30 seconds before "
                                                     "trying again.")
        note = app.screen.query_one("#access-error", Static)
        clock.now += 3
        note.tick()
        assert str(note.render()) == "That is not the staff PIN. Please wait 27 seconds before trying again."
        assert await enter_pin(pilot, PIN) == "Too many wrong PINs. Please wait 27 seconds before trying again."
        assert await enter_pin(pilot, "") == "Too many wrong PINs. Please wait 27 seconds before trying again."
        clock.now += 10
        note.tick()
        assert str(note.render()) == "Too many wrong PINs. Please wait 17 seconds before trying again."
        clock.now += 17
        note.tick()
        assert str(note.render()) == "You can try the staff PIN again now."
        assert await enter_pin(pilot, PIN) == ""


def test_wait_words() -> None:
    from course.pin_wait import wait_words

    assert [wait_words(s) for s in (0.2, 1, 27, 30, 60, 90, 91, 119, 120, 3600)] == [
        "1 second", "1 second", "27 seconds", "30 seconds", "60 seconds", "90 seconds", "1 minute 31 seconds",
        "1 minute 59 seconds", "2 minutes", "60 minutes"]
