"""The interface's catalogs match the code: every marked sentence has its translation in every language, with
the same placeholders, and each compiled .mo is the one its .po makes (tools/catalogs.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parent.parent / "tools"


@pytest.fixture(scope="module")
def catalogs():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(TOOLS))
    try:
        import catalogs as module
    finally:
        sys.path.remove(str(TOOLS))
    return module


def test_every_sentence_in_the_code_is_translated(catalogs) -> None:  # type: ignore[no-untyped-def]
    assert catalogs.languages() == ["es"]
    assert list(catalogs.problems()) == []


def test_the_check_finds_a_missing_translation_and_a_changed_placeholder(catalogs, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from babel.messages.catalog import Catalog

    code = tmp_path / "course"
    code.mkdir()
    (code / "screen.py").write_text('from course.i18n import _\n_("Lesson {number}")\n_("Quit")\n_("Help")\n')
    po = tmp_path / "course" / "locale" / "es" / "LC_MESSAGES" / "course.po"
    po.parent.mkdir(parents=True)
    spanish = Catalog(locale="es")
    spanish.add("Lesson {number}", "Lección {numero}")
    spanish.add("Quit", "Salir")
    spanish.add("Gone", "Ya no está")
    catalogs.write(spanish, po)
    monkeypatch.setattr(catalogs, "ROOT", tmp_path)
    monkeypatch.setattr(catalogs, "LOCALE", tmp_path / "course" / "locale")
    found = "\n".join(catalogs.problems())
    assert "no translation of 'Help'" in found
    assert "'Gone' is no longer in the code" in found
    assert "placeholders of 'Lesson {number}' are ['number'], but its translation has ['numero']" in found
    assert "course.mo is not compiled" in found


def test_the_compiled_catalog_ships_with_the_package() -> None:
    import course.i18n

    assert (course.i18n.LOCALE_DIR / "es" / "LC_MESSAGES" / "course.mo").is_file()
