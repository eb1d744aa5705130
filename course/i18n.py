"""The interface's words in the reader's language: standard gettext catalogs in ``course/locale``.

Every sentence the program shows or writes (screens, messages, reports, the record of completion, the web pages)
is written in English in the code, inside ``_()`` (or ``ngettext`` for a count), and translated from
``course/locale/<code>/LC_MESSAGES/course.mo``. A third language is a catalog, not a code change: see
docs/translating.md.

- ``_("Lesson {number}").format(number=n)``: the sentence is extracted with its named placeholders; a
  translation keeps the same ones (tests/test_catalogs.py checks it).
- ``N_("...")`` marks words kept in a constant at import time (a key's description, a label in a table):
  they are extracted, and translated with ``_()`` where they are shown, so the language can change after import.
- ``translator(code)`` is one language's catalog, for code that answers several languages at once (the sign-in
  page answers each browser in its own).

One process shows one language at a time (``use_language``): the family's profile, the kiosk's guest, the group's
session. The lessons, quizzes, cards and fixed texts have their own files per language (``course.content``).
This module imports nothing else of the course, so every layer, the store included, may use it.
"""

from __future__ import annotations

import gettext
import os
from functools import cache
from pathlib import Path

DEFAULT_LANGUAGE = "en"
LANGUAGES: tuple[str, ...] = ("en", "es")
NAMES = {"en": "English", "es": "Español"}  # each in its own language, as a menu offers them
NAMES_IN_ENGLISH = {"en": "English", "es": "Spanish"}  # for ``family-course validate``, whose messages are English

DOMAIN = "course"
LOCALE_DIR = Path(__file__).with_name("locale")
ENV_LANGUAGE = "FAMILY_COURSE_LANG"

_current = DEFAULT_LANGUAGE


def check_language(language: str) -> str:
    """``language`` when the course has it; otherwise a ValueError that names the ones it has."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: the course is written in {', '.join(LANGUAGES)}")
    return language


@cache
def translator(language: str) -> gettext.NullTranslations:
    """The catalog of ``language``. English, the code's own language, needs none; a language whose catalog
    is missing (a broken install) shows English rather than failing."""
    check_language(language)
    if language == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, [language], fallback=True)


def next_language(language: str) -> str:
    """The language a "change language" key shows after ``language``: the next the course has (the other one)."""
    return LANGUAGES[(LANGUAGES.index(check_language(language)) + 1) % len(LANGUAGES)]


def use_language(language: str) -> None:
    """Show the interface in ``language`` from now on (ValueError for one the course does not have)."""
    global _current
    check_language(language)
    _current = language


def current_language() -> str:
    return _current


def _(message: str) -> str:
    """``message`` in the current language."""
    return translator(_current).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The sentence for ``count`` things, in the current language (``{count}`` is filled in by the caller)."""
    return translator(_current).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is shown (it is returned as it is)."""
    return message


def resolve_language(option: str | None) -> str:
    """The language asked for: ``--lang`` first, then ``FAMILY_COURSE_LANG``, then English. A code the course
    does not have is a ValueError with a message that names the ones it has; ``es_US.UTF-8`` is taken as ``es``."""
    for asked in (option, os.environ.get(ENV_LANGUAGE)):
        if asked and asked.strip():
            code = asked.strip().split(".")[0].replace("-", "_").split("_")[0].lower()
            if code not in LANGUAGES:
                raise ValueError(f"the course has no language {asked.strip()!r}; it has: {', '.join(LANGUAGES)}")
            return code
    return DEFAULT_LANGUAGE


def from_accept_language(header: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    """The course's language a browser prefers, from its Accept-Language header (``es-MX,es;q=0.9,en;q=0.8``):
    the highest-weighted one the course has, ``default`` if none (or for a header that is not understood)."""
    best, best_weight = default, 0.0
    for position, item in enumerate((header or "")[:1000].split(",")[:30]):
        tag, _sep, params = item.strip().partition(";")
        code = tag.strip().split("-")[0].lower()
        weight = 1.0
        for param in params.split(";"):
            name, _eq, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        weight -= position * 1e-6  # an earlier language wins a tie
        if code in LANGUAGES and weight > 0 and weight > best_weight:
            best, best_weight = code, weight
    return best
