"""The store's messages a person sees (``str(error)``, ``store.problems``) are in the language shown now."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from course.i18n import use_language
from course.store import PinLocked, Store, StoreError, pins
from course.store.errors import from_os_error


@pytest.fixture
def spanish() -> None:
    use_language("es")  # tests/conftest.py puts English back after the test


def test_a_full_disk_is_said_in_spanish_with_what_was_not_saved(spanish: None) -> None:
    said = str(from_os_error(OSError(errno.ENOSPC, "No space left on device"), "your answer"))
    assert said == ("El disco está lleno, así que no fue posible guardar su respuesta. "
                    "Libere espacio y vuelva a intentarlo.")


def test_any_other_disk_problem_starts_with_a_capital_in_both_languages(spanish: None) -> None:
    said = str(from_os_error(OSError(errno.ENXIO, "No such device"), "your answer"))
    assert said.startswith("No fue posible guardar ni leer su respuesta") and "No such device" in said
    use_language("en")
    said = str(from_os_error(OSError(errno.ENXIO, "No such device"), "your answer"))
    assert said.startswith("Your answer could not be saved or read because of a problem with the disk")


def test_wrong_pins_wait_in_spanish(spanish: None, data_dir: Path, fast_pins: None) -> None:
    with Store(data_dir) as store:
        pid = store.create_profile("Ana", pin="482913")
        for _n in range(pins.FREE_TRIES):
            store.check_pin(pid, "000000")
        with pytest.raises(PinLocked) as locked:
            store.check_pin(pid, "482913")
    said = str(locked.value)
    assert said == "Demasiados PIN incorrectos. Espere 30 segundos y vuelva a intentarlo."
    assert "wait" not in said


def test_an_unknown_profile_in_spanish(spanish: None, data_dir: Path) -> None:
    with Store(data_dir) as store, pytest.raises(StoreError) as error:
        store.profile("0123456789abcdef0123456789abcdef")
    assert str(error.value).startswith("No se encontró este perfil.")


def test_a_damaged_shared_file_is_reported_in_spanish(spanish: None, data_dir: Path) -> None:
    with Store(data_dir) as store:
        store.kiosk_count("sessions")
    (data_dir / "kiosk.json").write_bytes(b"not a data file")
    with Store(data_dir) as store:
        problems = list(store.problems)
    assert len(problems) == 1
    assert problems[0].startswith("Se dañó el archivo de los contadores de la sala de espera;")
    assert "was damaged" not in problems[0] and "La copia dañada se guardó en" in problems[0]
