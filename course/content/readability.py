"""Flesch-Kincaid grade level, computed offline.

Syllables are counted two ways, by pyphen's hyphenation dictionary and by a vowel-group rule, and the larger
count is kept: pyphen alone misses syllables at word edges ("idea", "recovery"), so the stricter figure is the
honest one for a reading-level check. The vowel-group rule reads two vowels as two syllables where English
usually does ("Australian", "idea", "actual", "medium"), and a final -e, -ed or -es as silent where it usually
is ("hoped", "takes", but "wanted", "places"): tests/content/test_readability.py holds texts of known grade.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n|:\s*\n")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# Vowel pairs inside one group that are two syllables: i-a and i-o (not "-cial", "-tion", "-sion", "-gion",
# "marriage"), u-a (not "qua", "gua"), "-ium", and a final "-dea"/"-rea" ("idea", "area").
_TWO_SYLLABLE_PAIRS = re.compile(r"(?<![cgstx])i(?=a(?!ge))|(?<![cgstx])i(?=o(?!n))|(?<![qg])u(?=a)|i(?=um$)"
                                 r"|(?<=[dr])e(?=a$)")
_SILENT_E = ("e", "ed", "es")
_SOUNDED_E = ("le", "ee", "ye", "ted", "ded", "eed", "ses", "xes", "zes", "ches", "shes", "ces", "ges", "ies", "ees")


@dataclass(frozen=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level (0 for text with no words)."""
        if self.words == 0:
            return 0.0
        sentences = max(self.sentences, 1)
        return 0.39 * self.words / sentences + 11.8 * self.syllables / self.words - 15.59


@lru_cache(maxsize=1)
def _dictionary() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=20_000)
def syllables(word: str) -> int:
    """Syllables in one word: the larger of pyphen's count and the vowel-group count, at least 1."""
    lower = word.lower().replace("’", "'").split("'")[0]
    if not lower:
        return 1
    by_dictionary = len(_dictionary().positions(lower)) + 1
    groups = len(_VOWEL_GROUPS.findall(lower)) + len(_TWO_SYLLABLE_PAIRS.findall(lower))
    if groups > 1 and lower.endswith(_SILENT_E) and not lower.endswith(_SOUNDED_E):
        groups -= 1
    return max(by_dictionary, groups, 1)


def measure(text: str) -> Readability:
    """Count words, sentences and syllables in plain prose."""
    words = _WORD.findall(text)
    pieces = [p for p in _SENTENCE_END.split(text) if _WORD.search(p)]
    return Readability(
        words=len(words),
        sentences=len(pieces),
        syllables=sum(syllables(w) for w in words),
    )
