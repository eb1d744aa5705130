"""Staff exit: the staff key and the right PIN close the kiosk; wrong PINs do not, and the waits grow."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from course.store import PinLocked, Store, pins
from course.store.staff import GROUP, KIOSK
from course.ui.kiosk.controller import closing_words
from course.ui.kiosk.keys import STAFF_KEY
from course.ui.kiosk.screens import AttractScreen, KioskMapScreen, StaffPinScreen
from tests.kiosk.helpers import SIZE, STAFF_PIN, FakeClock, kiosk_app


async def type_pin(pilot, pin: str) -> str:
    """Type ``pin`` into the staff dialog, press Enter, return the message shown (empty if none)."""
    screen = pilot.app.screen
    assert isinstance(screen, StaffPinScreen)
    await pilot.press(*pin, "enter")
    await pilot.pause()
    if pilot.app.screen is not screen:
        return ""
    assert screen.query_one(Input).value == ""  # never left on the screen
    return str(screen.query_one("#staff-pin-error", Static).render())


async def test_right_pin_closes_the_kiosk_and_wipes_the_visit(tmp_path: Path) -> None:
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "c")
        await pilot.pause()
        guest = app.learner
        await pilot.press(STAFF_KEY)
        await pilot.pause()
        assert await type_pin(pilot, STAFF_PIN) == ""
    assert app.return_code == 0
    assert app.kiosk.ended_by == "staff"
    assert app.learner is None and not guest.lesson_states()


async def test_staff_key_works_on_the_start_screen_and_escape_cancels(tmp_path: Path) -> None:
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(STAFF_KEY)
        await pilot.pause()
        assert isinstance(app.screen, StaffPinScreen)
        await pilot.press(STAFF_KEY)  # a second press does not stack a second dialog
        await pilot.pause()
        assert sum(isinstance(s, StaffPinScreen) for s in app.screen_stack) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AttractScreen)
        assert app.is_running and app.kiosk.ended_by is None


@pytest.fixture
def pin_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    clock = FakeClock()
    monkeypatch.setattr(pins, "clock", clock)
    return clock


async def test_wrong_pins_do_not_exit_and_the_waits_grow(tmp_path: Path, pin_clock: FakeClock) -> None:
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space")
        await pilot.pause()
        await pilot.press(STAFF_KEY)
        await pilot.pause()
        for _ in range(pins.FREE_TRIES - 1):
            assert await type_pin(pilot, "111222") == "That PIN is not right."
        first = await type_pin(pilot, "111222")
        assert "Please wait 30 seconds" in first
        # while the wait lasts, even the right PIN is not checked
        assert "Please wait" in await type_pin(pilot, STAFF_PIN)
        assert isinstance(app.screen, StaffPinScreen) and app.is_running
        pin_clock.advance(31)
        second = await type_pin(pilot, "111222")
        assert "Please wait 60 seconds" in second
        pin_clock.advance(61)
        assert "Please wait 2 minutes" in await type_pin(pilot, "333444")
        assert app.kiosk.wrong_staff_pins == pins.FREE_TRIES + 2
        assert app.store.staff_pin_failures(KIOSK) == pins.FREE_TRIES + 2
        assert "Wrong staff PIN (7 in a row)" in app.kiosk.log.path.read_text(encoding="utf-8")
        assert app.is_running and app.kiosk.ended_by is None
        pin_clock.advance(121)
        assert await type_pin(pilot, STAFF_PIN) == ""
    assert app.return_code == 0 and app.kiosk.ended_by == "staff"
    assert app.store.staff_pin_failures(KIOSK) == 0


async def test_an_empty_pin_is_not_a_try(tmp_path: Path) -> None:
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(STAFF_KEY)
        await pilot.pause()
        assert await type_pin(pilot, "") == "Type the staff PIN first."
        assert app.store.staff_pin_failures(KIOSK) == 0
        await pilot.click("#staff-cancel")
        await pilot.pause()
        assert isinstance(app.screen, AttractScreen | KioskMapScreen)


async def test_the_wait_counts_down_and_pins_typed_during_it_are_counted_at_close(
        tmp_path: Path, pin_clock: FakeClock) -> None:
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(STAFF_KEY)
        await pilot.pause()
        for _ in range(pins.FREE_TRIES):
            said = await type_pin(pilot, "111222")
        assert said == "That PIN is not right. Please wait 30 seconds before trying again."
        note = app.screen.query_one("#staff-pin-error", Static)
        pin_clock.advance(3)
        note.tick()
        assert str(note.render()) == "That PIN is not right. Please wait 27 seconds before trying again."
        assert await type_pin(pilot, "999888") == "Too many wrong PINs. Please wait 27 seconds before trying again."
        assert await type_pin(pilot, "") == "Too many wrong PINs. Please wait 27 seconds before trying again."
        pin_clock.advance(26.5)
        note.tick()
        assert "Please wait 1 second before" in str(note.render())
        assert await type_pin(pilot, STAFF_PIN) == "Too many wrong PINs. Please wait 1 second before trying again."
        pin_clock.advance(1)
        note.tick()
        assert str(note.render()) == "You can try the staff PIN again now."
        assert await type_pin(pilot, STAFF_PIN) == ""
    kiosk = app.kiosk
    assert (kiosk.wrong_staff_pins, kiosk.pins_during_wait) == (pins.FREE_TRIES, 2)  # the empty box is no try
    words = closing_words(kiosk.wrong_staff_pins, kiosk.pins_during_wait)
    assert words == ("Kiosk closed by staff. Wrong staff PINs while it ran: 7 (2 of them typed during a wait "
                     "after wrong PINs, so not checked).")
    log = kiosk.log.path.read_text(encoding="utf-8")
    assert log.count("Wrong staff PIN (") == 5 and log.count("typed while wrong PINs made it wait") == 2


def test_closing_words_without_a_wait() -> None:
    assert closing_words(1, 0) == "Kiosk closed by staff. Wrong staff PINs while it ran: 1."


async def test_wrong_pins_at_the_kiosk_do_not_lock_group_mode(tmp_path: Path, pin_clock: FakeClock) -> None:
    app = kiosk_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(STAFF_KEY)
        await pilot.pause()
        for _ in range(pins.FREE_TRIES):
            await type_pin(pilot, "111222")
        assert "Please wait" in await type_pin(pilot, STAFF_PIN)
        store: Store = app.store
        assert store.staff_pin_failures(KIOSK) == pins.FREE_TRIES and store.staff_pin_wait(KIOSK) > 0
        assert store.staff_pin_failures(GROUP) == 0 and store.staff_pin_wait(GROUP) == 0
        assert store.check_staff_pin(STAFF_PIN, GROUP)  # the counselor is not locked out
        assert store.staff_pin_wait(KIOSK) > 0  # and the kiosk still is
        with pytest.raises(PinLocked):
            store.check_staff_pin(STAFF_PIN, KIOSK)
