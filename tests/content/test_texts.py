"""The fixed texts in each language: crisis help (every line the content guide asks for, 911 and 988 first, the
clinic's number right after them), the one-line crisis note and "about this course"."""

from __future__ import annotations

from pathlib import Path

import pytest

from course.content import texts
from course.content.languages import LANGUAGES, subfolder
from course.content.texts import about_text, crisis_line, crisis_text

TEXTS = Path(texts.__file__).parent / "texts"


def _flat(text: str) -> str:
    return " ".join(text.replace("*", "").split())


def test_spanish_crisis_help_has_every_line_in_order() -> None:
    text = _flat(crisis_text(language="es"))
    for fact in ("Llame al 911", "988", "marque 2", "AYUDA por mensaje de texto al 988", "chat en español",
                 "838255", "1-800-799-7233", "TTY 1-800-787-3224", "START al 88788", "thehotline.org",
                 "1-800-662-4357", "TTY 1-800-487-4889", "en inglés y español", "24"):
        assert fact in text, fact
    assert text.index("911") < text.index("988") < text.index("1-800-799-7233") < text.index("1-800-662-4357")
    assert "marque 3" not in text and "LGBT" not in text  # the press-3 line ended in July 2025
    assert "Press" not in text and "Call" not in text  # no English left


def test_the_clinic_number_comes_after_911_and_988_in_each_language() -> None:
    english = crisis_text("", "555-0100")
    spanish = crisis_text("", "555-0100", language="es")
    assert "**Your clinic:** 555\\-0100" in english
    assert "**Su clínica:** 555\\-0100" in spanish
    assert "**Riverside:** 555\\-0100" in crisis_text("Riverside", "555-0100", language="es")
    for text in (english, spanish):
        assert text.index("988") < text.index("555") < text.index("1-800-799-7233")
        assert texts.CLINIC_MARK not in text
    assert "clínica" not in crisis_text(language="es")


def test_the_crisis_line_and_about_text_in_spanish() -> None:
    assert crisis_line() == texts.CRISIS_LINE
    assert crisis_line("es") == "¿En crisis? Llame o envíe un texto al 988. ¿En peligro? Llame al 911."
    assert about_text("es").startswith("# Acerca de este curso\n")
    assert about_text().startswith("# ") and about_text() != about_text("es")


def test_every_fixed_text_has_its_twin_in_every_language() -> None:
    english = sorted(p.name for p in TEXTS.glob("*.md"))
    assert english == ["about.md", "crisis.md"]
    for language in LANGUAGES[1:]:
        assert sorted(p.name for p in (TEXTS / subfolder(language)).glob("*.md")) == english


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        crisis_text(language="fr")
    with pytest.raises(ValueError, match="unknown language"):
        crisis_text("Riverside", "555-0100", language="fr")
    with pytest.raises(ValueError, match="unknown language"):
        about_text("fr")
    with pytest.raises(ValueError, match="unknown language"):
        crisis_line("fr")
