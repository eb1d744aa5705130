"""The Spanish reading score (INFLESZ: Szigriszt-Pazos's formula on Barrio-Cantalejo's scale) on texts whose
words, sentences and syllables were counted by hand, and the Spanish syllable rule word by word."""

from __future__ import annotations

import pytest

from course.content.readability import Readability, inflesz_label, measure, spanish_syllables

# (text, words, sentences, syllables): score = 206.835 - 62.3 * syllables / words - words / sentences
KNOWN = [
    ("El gato duerme en la casa.", 6, 1, 9),  # 107.4, muy fácil
    ("Llame al 911. Dele naloxona y quédese a su lado.", 9, 2, 17),  # 84.7, muy fácil
    ("¿Qué día es hoy? María leyó la guía y creyó que había reunión.", 13, 2, 22),  # 94.9, muy fácil
    ("La recuperación lleva tiempo. Su familia puede aprender nuevas formas de ayudar.", 12, 2, 27),  # 60.7, normal
    ("La evaluación multidisciplinaria determinará las intervenciones terapéuticas correspondientes.",
     8, 1, 33),  # -58.2, muy difícil
]


def szigriszt(words: int, sentences: int, syllables: int) -> float:
    return 206.835 - 62.3 * syllables / words - words / sentences


def test_the_formula() -> None:
    assert Readability(words=100, sentences=5, syllables=180).inflesz == pytest.approx(74.695)
    assert Readability(words=0, sentences=0, syllables=0).inflesz == 0.0


@pytest.mark.parametrize(("text", "words", "sentences", "syllables_"), KNOWN, ids=[k[0][:24] for k in KNOWN])
def test_texts_of_known_score(text: str, words: int, sentences: int, syllables_: int) -> None:
    found = measure(text, "es")
    assert (found.words, found.sentences, found.syllables) == (words, sentences, syllables_)
    assert found.inflesz == pytest.approx(szigriszt(words, sentences, syllables_))


def test_the_scores_of_the_known_texts_and_their_labels() -> None:
    scores = [round(measure(text, "es").inflesz, 1) for text, *_ in KNOWN]
    assert scores == [107.4, 84.7, 94.9, 60.7, -58.2]
    assert [inflesz_label(score) for score in scores] == [
        "muy fácil", "muy fácil", "muy fácil", "normal", "muy difícil"]


@pytest.mark.parametrize(("score", "label"), [
    (-10, "muy difícil"), (39.9, "muy difícil"), (40, "algo difícil"), (54.9, "algo difícil"), (55, "normal"),
    (64.9, "normal"), (65, "bastante fácil"), (79.9, "bastante fácil"), (80, "muy fácil"), (120, "muy fácil"),
])
def test_the_inflesz_scale(score: float, label: str) -> None:
    assert inflesz_label(score) == label


@pytest.mark.parametrize(("word", "count"), [
    ("y", 1), ("que", 1), ("hoy", 1), ("muy", 1), ("buey", 1), ("tres", 1),
    ("día", 2), ("país", 2), ("oír", 2), ("leer", 2), ("guía", 2), ("ciudad", 2), ("huevo", 2), ("reyes", 2),
    ("reunión", 2), ("quédese", 3), ("ahora", 3), ("ayuda", 3), ("línea", 3), ("familia", 3), ("pingüino", 3),
    ("Paraguay", 3), ("aéreo", 4), ("naloxona", 4), ("RECUPERACIÓN", 5), ("crystal", 2),
])
def test_spanish_syllables(word: str, count: int) -> None:
    assert spanish_syllables(word) == count


def test_spanish_words_keep_their_accents_and_sentences_end_at_either_mark() -> None:
    assert measure("¡Llame ya! ¿Dónde está? Está aquí…", "es").sentences == 3
    assert measure("acción, niño, pingüino", "es").words == 3
    assert measure("acción, niño, pingüino").words > 3  # the English count splits at the accents
    assert measure("Pruebe esto:\n- uno", "es").sentences == 2
