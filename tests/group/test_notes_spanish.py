"""The facilitator notes in Spanish give the same plan as the English ones: the minutes of the whole session (shown
in the list of lessons and on the notes screen) and the time suggested for each step."""

from __future__ import annotations

import pytest

from course.content import load_course
from course.group.notes import group_minutes, suggested_minutes

ENGLISH = load_course(language="en")
SPANISH = load_course(language="es")


@pytest.mark.parametrize("lesson_id", [lesson.id for lesson in SPANISH.lessons])
def test_a_spanish_lesson_plans_the_same_session_as_the_english_one(lesson_id: str) -> None:
    english, spanish = ENGLISH.lesson(lesson_id), SPANISH.lesson(lesson_id)
    assert spanish.language == "es"
    assert group_minutes(spanish) == group_minutes(english)
    assert ([suggested_minutes(step.facilitator) for step in spanish.steps]
            == [suggested_minutes(step.facilitator) for step in english.steps])


@pytest.mark.parametrize(("notes", "minutes"), [
    ("10 minutos. Pregunte al grupo.", 10),
    ("Unos 4 minutos en total. Si lo muestra en un grupo...", 4),
    ("Juego de roles (15 minutos). En parejas.", 15),
    ("Introducción, 5 minutos. Pregunte.", 5),
    ("Esta lección está pensada para un grupo de 75 minutos: introducción 10 minutos, niveles 10.", 10),
    ("Sesión completa: unos 80 minutos (5 + 10).\n\nApertura (5 minutos): pregunte.", 5),
    ("Pregunte: \"¿Qué cambió?\" Luego 10 minutos de práctica.", None),
])
def test_the_time_for_a_step_in_spanish(notes: str, minutes: int | None) -> None:
    assert suggested_minutes(notes) == minutes
