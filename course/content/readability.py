"""Flesch-Kincaid grade level, computed offline.

Syllables are counted two ways, by pyphen's hyphenation dictionary and by a vowel-group rule, and the larger
count is kept: pyphen alone misses syllables at word edges ("idea", "recovery"), so the stricter figure is the
honest one for a reading-level check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n|:\s*\n")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


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
    groups = len(_VOWEL_GROUPS.findall(lower))
    if lower.endswith("e") and not lower.endswith(("le", "ee", "ye")) and groups > 1:
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
