"""The counselor's notes show a quiz explanation under their own heading, without the label it was written with,
in either language ("Why it matters:", "Por qué importa:")."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.content import ContentDir, load_course
from course.group.shown import Shown
from course.ui.group.notes_screen import quiz_notes
from tests.content.fixtures import make_pair


@pytest.mark.parametrize(("language", "said"), [("en", "Noticing the good helps."),
                                                ("es", "Notar lo bueno ayuda.")])
def test_the_explanation_label_is_left_out_in_each_language(tmp_path: Path, language: str, said: str) -> None:
    course = load_course([ContentDir.of(make_pair(tmp_path / "content"))], language=language)
    lesson = course.lesson("sample-lesson")
    text = quiz_notes(lesson, Shown("s1", lesson.id, "2024-05-07T18:00:00+00:00", phase="quiz"))
    assert f"\n\n{said}" in text
    assert "Por qué importa" not in text and text.lower().count("why it matters") == 1


def test_no_spanish_explanation_keeps_its_label_in_the_notes() -> None:
    for lesson in load_course(language="es").lessons:
        for number, question in enumerate(lesson.quiz.questions if lesson.quiz else ()):
            text = quiz_notes(lesson, Shown("s1", lesson.id, "2024-05-07T18:00:00+00:00", phase="quiz",
                                            question=number))
            assert "por qué importa" not in text.lower(), (lesson.id, question.id)
