"""The wrong-PIN wait, said one way for every PIN in the course (profile PINs and the staff PIN)."""

from __future__ import annotations

import pytest

from course.pin_wait import TOO_MANY, Refusal, lockout, wait_words


@pytest.mark.parametrize(("seconds", "text"), [
    (30, "Too many wrong PINs. Please wait 30 seconds before trying again."),
    (29.2, "Too many wrong PINs. Please wait 30 seconds before trying again."),  # rounded up, never down
    (0.4, "Too many wrong PINs. Please wait 1 second before trying again."),
    (120, "Too many wrong PINs. Please wait 2 minutes before trying again."),
    (3600, "Too many wrong PINs. Please wait 60 minutes before trying again."),
])
def test_lockout_message(seconds: float, text: str) -> None:
    refusal = lockout(seconds)
    assert refusal == Refusal(TOO_MANY, seconds)
    assert refusal.message == text


def test_a_refusal_counts_down() -> None:
    refusal = lockout(30)
    assert refusal.words(17.5) == "Too many wrong PINs. Please wait 18 seconds before trying again."
    assert refusal.words(0) == TOO_MANY


def test_a_refusal_without_a_wait_is_its_text() -> None:
    assert Refusal("That PIN is not right.").message == "That PIN is not right."
    assert Refusal("That PIN is not right.", 30).message == (
        "That PIN is not right. Please wait 30 seconds before trying again.")


def test_wait_words() -> None:
    assert [wait_words(s) for s in (0.2, 1, 27, 30, 60, 90, 91, 119, 120, 3600)] == [
        "1 second", "1 second", "27 seconds", "30 seconds", "60 seconds", "90 seconds", "1 minute 31 seconds",
        "1 minute 59 seconds", "2 minutes", "60 minutes"]


def test_the_wait_in_spanish() -> None:
    from course.i18n import use_language

    use_language("es")
    assert [wait_words(s) for s in (1, 27, 91, 120)] == [
        "1 segundo", "27 segundos", "1 minuto y 31 segundos", "2 minutos"]
    assert lockout(30).message == (
        "Demasiados PIN incorrectos. Espere 30 segundos antes de volver a intentarlo, por favor.")
    assert lockout(30).words(0) == "Demasiados PIN incorrectos."
