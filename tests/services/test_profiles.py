"""Profiles at home: what the welcome and settings screens ask of the store, with the PIN rules."""

from __future__ import annotations

import pytest

from course.learner import StoredLearner
from course.services import PinLocked, StoreError
from course.services.profiles import WRONG_PIN, Profiles
from course.store import Store, pins

LOCKED = "Too many wrong PINs. Please wait 30 seconds before trying again."


def test_create_list_and_open(store: Store) -> None:
    profiles = Profiles(store)
    assert profiles.all() == [] and profiles.names() == []
    pid = profiles.create("Ray", pin="1357")
    other = profiles.create("[b]Jo[/b]", pin=None)
    assert [(p.id, p.name, p.has_pin) for p in profiles.all()] == [(pid, "Ray", True), (other, "[b]Jo[/b]", False)]
    assert profiles.names() == ["Ray", "[b]Jo[/b]"]
    assert profiles.get(pid).has_pin and not profiles.get(other).has_pin
    learner = profiles.learner(pid, "Ray")
    assert isinstance(learner, StoredLearner) and (learner.profile_id, learner.name) == (pid, "Ray")


def test_pin_check_words(store: Store, clock: list[float]) -> None:
    profiles = Profiles(store)
    pid = profiles.create("Ray", pin="1357")
    assert profiles.check_pin(pid, "1357") is None
    for _ in range(pins.FREE_TRIES):
        assert profiles.check_pin(pid, "0000") == WRONG_PIN == "That PIN is not right. Try again."
    assert profiles.check_pin(pid, "1357") == LOCKED  # the right PIN is not even checked during the wait
    clock[0] += 12.5
    assert profiles.check_pin(pid, "1357") == LOCKED.replace("30", "18")
    clock[0] += 18
    assert profiles.check_pin(pid, "1357") is None


def test_pin_check_of_a_deleted_profile_says_what_happened(store: Store) -> None:
    profiles = Profiles(store)
    pid = profiles.create("Ray", pin="1357")
    profiles.delete(pid)
    with pytest.raises(StoreError) as raised:
        profiles.get(pid)
    assert profiles.check_pin(pid, "1357") == str(raised.value)


def test_theme(store: Store) -> None:
    profiles = Profiles(store)
    pid = profiles.create("Ray")
    assert profiles.theme(pid) is None
    profiles.save_theme(pid, "course-contrast")
    assert profiles.theme(pid) == "course-contrast"
    profiles.delete(pid)
    assert profiles.theme(pid) is None  # the look is a nicety: a profile gone meanwhile has none
    with pytest.raises(StoreError):
        profiles.save_theme(pid, "course-dark")


def test_errors_are_the_stores(store: Store) -> None:
    import course.store

    assert StoreError is course.store.StoreError and PinLocked is course.store.PinLocked


def test_a_profile_keeps_its_language(store: Store) -> None:
    profiles = Profiles(store)
    spanish = profiles.create("Rosa", language="es")
    unset = profiles.create("Ray")
    assert profiles.language(spanish) == "es" and profiles.language(unset) is None
    profiles.save_language(unset, "en")
    assert profiles.language(unset) == "en"
    with pytest.raises(ValueError, match="unknown language"):
        profiles.save_language(unset, "xx")
    store.set_preference(unset, "language", "xx")  # from a later version with more languages
    assert profiles.language(unset) is None


def test_pin_check_words_in_spanish(store: Store) -> None:
    from course.i18n import use_language

    profiles = Profiles(store)
    pid = profiles.create("Rosa", pin="1357", language="es")
    use_language("es")
    assert profiles.check_pin(pid, "0000") == "Ese PIN no es correcto. Vuelva a intentarlo."
