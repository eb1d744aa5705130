"""The reading grade (Flesch-Kincaid) on texts whose grade is known, counted by hand with a dictionary's
syllables; and that it is measured by ``validate``, not at every start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from course.content import ContentDir, load_course
from course.content.readability import Readability, measure, syllables
from course.content.validate import MAX_GRADE, reading_grade
from tests.content.fixtures import LESSON, QUIZ, make_content

# (text, words, sentences, syllables): grade = 0.39 * words / sentences + 11.8 * syllables / words - 15.59
KNOWN = [
    ("The cat sat on the mat.", 6, 1, 6),  # -1.45
    ("The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.", 13, 1, 26),  # 13.08
    ("Recovery takes time. Your family can learn new ways to help.", 11, 2, 16),  # 3.72
    ("She hoped he would call. He talked, and she listened. Did it help?", 13, 3, 14),  # -1.19
    ("Families in outpatient treatment often feel responsible for a relapse.", 10, 1, 20),  # 11.91
]


def fk(words: int, sentences: int, syllables: int) -> float:
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def test_the_formula() -> None:
    assert Readability(words=100, sentences=5, syllables=150).grade == pytest.approx(9.91)
    assert Readability(words=0, sentences=0, syllables=0).grade == 0.0


@pytest.mark.parametrize(("text", "words", "sentences", "syllables_"), KNOWN, ids=[k[0][:24] for k in KNOWN])
def test_texts_of_known_grade(text: str, words: int, sentences: int, syllables_: int) -> None:
    found = measure(text)
    assert (found.words, found.sentences, found.syllables) == (words, sentences, syllables_)
    assert found.grade == pytest.approx(fk(words, sentences, syllables_))


@pytest.mark.parametrize(("word", "count"), [
    ("the", 1), ("help", 1), ("takes", 1), ("hoped", 1), ("asked", 1), ("lives", 1), ("does", 1),
    ("wanted", 2), ("needed", 2), ("places", 2), ("changes", 2), ("little", 2), ("people", 2), ("social", 2),
    ("nation", 2), ("marriage", 2), ("language", 2), ("listened", 2),
    ("idea", 3), ("area", 3), ("family", 3), ("usual", 3), ("medium", 3), ("radio", 3), ("naloxone", 3),
    ("Australian", 4), ("recovery", 4), ("responsible", 4),
])
def test_syllables(word: str, count: int) -> None:
    assert syllables(word) == count


def test_sentences_end_at_marks_blank_lines_and_colons_before_a_list() -> None:
    assert measure("Wait. Stop! Why?").sentences == 3
    assert measure("A heading\n\nA paragraph").sentences == 2
    assert measure("Try these:\n- one").sentences == 2


def test_validate_measures_the_learners_text(tmp_path: Path) -> None:
    lesson = load_course([ContentDir.of(make_content(tmp_path, LESSON, QUIZ))]).lesson("sample-lesson")
    assert reading_grade(lesson) == round(measure(lesson.prose).grade, 1)
    assert -5 < reading_grade(lesson) < MAX_GRADE


def test_loading_the_course_does_not_measure_reading_grades() -> None:
    """The grade is for ``validate``: the course loads (at every start) without pyphen or the syllable count."""
    code = ("import sys; from course.content import load_course; course = load_course(); "
            "print(len(course.lessons), 'pyphen' in sys.modules, 'course.content.readability' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) > 0 and out[1:] == ["False", "False"]
