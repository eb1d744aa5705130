"""Choosing the interface's language: --lang, FAMILY_COURSE_LANG, a browser's Accept-Language, the catalog."""

from __future__ import annotations

import pytest

from course import i18n
from course.i18n import N_, _, from_accept_language, ngettext, resolve_language, use_language


def test_lang_option_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_language(None) == "en"
    monkeypatch.setenv(i18n.ENV_LANGUAGE, "es_US.UTF-8")
    assert resolve_language(None) == "es"
    assert resolve_language("en") == "en"
    assert resolve_language(" ES-mx ") == "es"
    monkeypatch.setenv(i18n.ENV_LANGUAGE, "  ")
    assert resolve_language(None) == "en"


def test_an_unknown_language_names_the_ones_there_are() -> None:
    with pytest.raises(ValueError, match=r"no language 'fr'; it has: en, es"):
        resolve_language("fr")


@pytest.mark.parametrize(("header", "language"), [
    ("es-MX,es;q=0.9,en;q=0.8", "es"),
    ("en-US,en;q=0.9,es;q=0.8", "en"),
    ("fr-FR,fr;q=0.9,es;q=0.5", "es"),  # French first, which the course does not have: Spanish next
    ("es;q=0.2,en;q=0.4", "en"),
    ("es;q=0", "en"),  # q=0 means "not this one"
    ("es;q=banana", "en"),
    ("", "en"),
    (None, "en"),
    ("*", "en"),
    (",,;;==;q", "en"),
    ("es" + ",x" * 5000, "es"),
])
def test_accept_language(header: str | None, language: str) -> None:
    assert from_accept_language(header) == language


def test_sentences_follow_the_language_chosen() -> None:
    yes = N_("Yes")
    assert _(yes) == "Yes"
    assert ngettext("{count} minute", "{count} minutes", 2).format(count=2) == "2 minutes"
    use_language("es")
    assert _(yes) == "Sí"
    assert ngettext("{count} minute", "{count} minutes", 1).format(count=1) == "1 minuto"
    assert ngettext("{count} minute", "{count} minutes", 2).format(count=2) == "2 minutos"
    with pytest.raises(ValueError):
        use_language("xx")
    assert i18n.current_language() == "es"


def test_the_next_language_goes_round() -> None:
    from course.i18n import next_language

    assert next_language("en") == "es" and next_language("es") == "en"
    with pytest.raises(ValueError):
        next_language("xx")
