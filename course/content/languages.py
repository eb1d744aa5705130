"""The languages the course is written in, and the few words the content layer needs in each.

English is the course's own language: its lessons are in ``lessons/`` and its quizzes in ``quizzes/``. Every other
language has a folder of its own inside them (``lessons/es/``, ``quizzes/es/``), with one file per English file:
the same file names, the same lesson ids, question ids and right answers, so saved progress, journal entries and
quiz answers carry over when a family changes language. The fixed texts (``course/content/texts/es/``) and the
cards (``cards/es/``) follow the same rule.
"""

from __future__ import annotations

import re
from functools import lru_cache

from course.i18n import DEFAULT_LANGUAGE, LANGUAGES, NAMES, NAMES_IN_ENGLISH, check_language

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "NAMES", "NAMES_IN_ENGLISH", "check_language", "explanation_label",
           "subfolder", "without_explanation_label"]

# The words a quiz explanation may start with ("Why it matters: ..."): a screen that shows its own heading for
# the explanation leaves them out (see ``without_explanation_label``).
EXPLANATION_LABELS = {"en": "Why it matters", "es": "Por qué importa"}


@lru_cache(maxsize=1)
def _label() -> re.Pattern[str]:
    """Compiled when first used: the first screen, which reads the crisis text, does not need it."""
    return re.compile(r"\s*(?:" + "|".join(re.escape(label) for label in EXPLANATION_LABELS.values())
                      + r")\s*[:.\u2013\u2014-]\s*", flags=re.IGNORECASE)



def subfolder(language: str) -> str:
    """The folder a language's files are in, inside ``lessons/``, ``quizzes/``, ``cards/`` and the texts: ""
    for English (the folder itself), the language code for the others."""
    return "" if check_language(language) == DEFAULT_LANGUAGE else language


def explanation_label(language: str = DEFAULT_LANGUAGE) -> str:
    """The words a quiz explanation starts with in ``language``: "Why it matters", "Por qué importa"."""
    return EXPLANATION_LABELS[check_language(language)]


def without_explanation_label(explanation: str) -> str:
    """A quiz explanation without the label it starts with, in any of the course's languages ("Why it matters:
    ...", "Por qué importa: ..."), its first letter made a capital; any other explanation as it is."""
    found = _label().match(explanation)
    if not found:
        return explanation
    rest = explanation[found.end():]
    return rest[:1].upper() + rest[1:]
