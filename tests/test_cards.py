"""Cards to keep: every card renders, blanks are filled from the journal or left to write on, user text is literal."""

from __future__ import annotations

import html
import re
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from course import cards
from course.cards import CardError, journal_answers, load_cards, parse_card
from course.content import ContentDir, load_course
from course.content.readability import measure
from course.content.source import inline_text
from course.store.records import JournalEntry

CARDS = load_cards()
BY_ID = {card.id: card for card in CARDS}
SPANISH = load_cards(language="es")
ES_BY_ID = {card.id: card for card in SPANISH}
EVERY = [*CARDS, *SPANISH]
WHEN = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)
SAFETY_PROMPT = "Where is your safe place? Who is your person? Write them down."
HOSTILE = "<script>alert('x')</script> & {{code-word}} **bold** <b>"


def entry(lesson: str, prompt: str, text: str, key: str = "", minutes: int = 0) -> JournalEntry:
    when = WHEN + timedelta(minutes=minutes)
    return JournalEntry(f"id-{lesson}-{minutes}", lesson, key or f"{lesson}/1/1", prompt, text, when, when)


def test_the_five_cards_ship_in_order() -> None:
    assert [card.id for card in CARDS] == ["safety-plan", "boundary", "i-statement", "three-cs", "naloxone"]


@pytest.mark.parametrize("card", EVERY, ids=lambda c: f"{c.language}-{c.id}")
@pytest.mark.parametrize("filled", [False, True])
def test_every_card_renders_as_html_and_text(card: cards.Card, filled: bool) -> None:
    answers = {blank.name: f"Answer for {blank.name}" for blank in card.blanks} if filled else None
    page = cards.as_html(card, answers)
    text = cards.as_text(card, answers)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert f"<h1>{card.title}</h1>".replace("'", "&#x27;") in page
    assert text.startswith(card.title + "\n" + "=" * len(card.title) + "\n")
    for rendered in (page, text):
        assert "{{" not in rendered and ":::" not in rendered
        assert "911" in rendered and "988" in rendered
    assert max(len(line) for line in text.splitlines()) <= cards.TEXT_WIDTH
    assert "@page" in page and "page-break-inside: avoid" in page
    if filled:
        for blank in card.blanks:
            assert f"Answer for {blank.name}" in page and f"Answer for {blank.name}" in text


def test_html_escapes_the_learners_words() -> None:
    card = BY_ID["safety-plan"]
    page = cards.as_html(card, {"place-and-person": HOSTILE})
    text = cards.as_text(card, {"place-and-person": HOSTILE})
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; {{code-word}} **bold** &lt;b&gt;" in page
    # the learner's "{{code-word}}" stays their words; the real code-word blank is still ruled lines to write on
    assert page.count('<div class="line"></div>') == 1
    assert HOSTILE in text


def test_journal_answers_fill_the_blanks() -> None:
    journal = [
        entry("staying-safe-at-home", SAFETY_PROMPT, "Aunt Rosa's house. My friend Sam.", "staying-safe-at-home/5/1"),
        entry("boundaries-and-self-care", 'What is one boundary you could keep, even on a hard day? Write it as '
              '"I will..." or "I won\'t..."', "I won't give cash."),
        entry("talking-so-it-helps", "Write down the I-statement you plan to use. After you use it, write one "
              "thing that went well.", "I feel worried when you're late. Could you text me?"),
        entry("quick-overdose-response", "Where would you keep naloxone so that anyone in your home could find it "
              "fast?", "Top kitchen drawer"),
        entry("talking-so-it-helps", "Think of the last time your loved one told you how they felt.", "Not this"),
    ]
    assert journal_answers(BY_ID["safety-plan"], journal) == {"place-and-person": "Aunt Rosa's house. My friend Sam."}
    assert journal_answers(BY_ID["boundary"], journal) == {"boundary": "I won't give cash."}
    assert journal_answers(BY_ID["i-statement"], journal) == {
        "i-statement": "I feel worried when you're late. Could you text me?"}
    assert journal_answers(BY_ID["naloxone"], journal) == {"naloxone-place": "Top kitchen drawer"}
    assert journal_answers(BY_ID["three-cs"], journal) == {}

    answers = journal_answers(BY_ID["safety-plan"], journal)
    page = cards.as_html(BY_ID["safety-plan"], answers)
    assert '<div class="answer">Aunt Rosa&#x27;s house. My friend Sam.</div>' in page
    assert "  Aunt Rosa's house. My friend Sam." in cards.as_text(BY_ID["safety-plan"], answers).splitlines()


def test_the_latest_answer_wins_and_empty_answers_do_not_count() -> None:
    card = BY_ID["boundary"]
    prompt = "What is one boundary you could keep, even on a hard day?"
    journal = [entry("boundaries-and-self-care", prompt, "Old", minutes=1),
               entry("boundaries-and-self-care", prompt, "New", minutes=2),
               entry("boundaries-and-self-care", prompt, "   ", minutes=3)]
    assert journal_answers(card, journal) == {"boundary": "New"}


def test_an_answer_to_a_reworded_prompt_is_found_by_its_key() -> None:
    course = load_course([ContentDir.shipped()])
    blank = BY_ID["safety-plan"].blank("place-and-person")
    assert blank is not None
    (key,) = cards.prompt_keys(blank, course.lessons)
    old = entry("staying-safe-at-home", "Write down where you would go.", "The library", key)
    assert journal_answers(BY_ID["safety-plan"], [old]) == {}
    assert journal_answers(BY_ID["safety-plan"], [old], course.lessons) == {"place-and-person": "The library"}


def test_a_missing_answer_leaves_lines_to_write_on() -> None:
    card = BY_ID["boundary"]
    page = cards.as_html(card, {})
    assert page.count('<div class="line"></div>') == sum(b.lines for b in card.blanks) == 5
    text = cards.as_text(card, {"boundary": "I will go to my Tuesday meeting."})
    lines = text.splitlines()
    assert "  I will go to my Tuesday meeting." in lines
    assert lines.count("_" * cards.TEXT_WIDTH) == 2  # the "if it is tested" blank, still to fill by hand
    blank_text = cards.as_text(card)
    assert blank_text.splitlines().count("_" * cards.TEXT_WIDTH) == 5


@pytest.mark.parametrize("card", [c for c in EVERY if c.from_journal], ids=lambda c: f"{c.language}-{c.id}")
def test_each_journal_blank_points_at_one_reflect_prompt_in_the_course(card: cards.Card) -> None:
    course = load_course([ContentDir.shipped()], language=card.language)
    for blank in card.blanks:
        if blank.from_journal:
            found = cards.prompt_keys(blank, course.lessons)
            assert len(found) == 1, (f"{card.id}: blank '{blank.name}' should match one reflect prompt of lesson "
                                     f"'{blank.lesson}' containing {blank.prompt!r}; found {sorted(found)}")
            assert {lesson.language for lesson in course.lessons if lesson.id == blank.lesson} == {card.language}


# -- the cards in Spanish -------------------------------------------------------------------------------------


def test_the_spanish_cards_are_the_english_ones_translated() -> None:
    """The same ids in the same order, the same blanks, and each journal blank fed by the same reflect prompt as
    its English blank, so answers written in one language fill the cards in the other."""
    assert {card.language for card in SPANISH} == {"es"} and {card.language for card in CARDS} == {"en"}
    assert [card.id for card in SPANISH] == [card.id for card in CARDS]
    english, spanish = load_course(), load_course(language="es")
    for en, es in zip(CARDS, SPANISH, strict=True):
        assert es.title != en.title
        assert [(b.name, b.lines, b.lesson) for b in es.blanks] == [(b.name, b.lines, b.lesson) for b in en.blanks]
        for en_blank, es_blank in zip(en.blanks, es.blanks, strict=True):
            if en_blank.from_journal:
                assert cards.prompt_keys(es_blank, spanish.lessons) == cards.prompt_keys(en_blank, english.lessons)


def test_a_spanish_card_is_filled_from_an_answer_written_in_english() -> None:
    spanish = load_course(language="es")
    card = ES_BY_ID["boundary"]
    blank = card.blank("boundary")
    assert blank is not None
    (key,) = cards.prompt_keys(blank, spanish.lessons)
    written = entry("boundaries-and-self-care", "What is one boundary you could keep, even on a hard day?",
                    "I won't give cash.", key)
    assert journal_answers(card, [written], spanish.lessons) == {"boundary": "I won't give cash."}


def test_the_words_the_card_code_writes_are_spanish_on_a_spanish_card() -> None:
    card = ES_BY_ID["i-statement"]
    words = cards.WORDS["es"]
    long = "Me preocupo cuando llegas tarde a casa. " * 60
    page = cards.as_html(card, {"i-statement": long})
    text = cards.as_text(card, {"i-statement": long})
    assert '<html lang="es">' in page and f"<title>{words.card_title.format(title=card.title)}</title>" in page
    for rendered in (page, text):
        flat = " ".join(html.unescape(rendered).split())
        assert words.footer in flat and words.shortened in flat
        assert cards.FOOTER not in flat and cards.SHORTENED not in flat
    assert "988" in words.footer and "911" in words.footer
    both = cards.all_as_html(SPANISH)
    assert '<html lang="es">' in both and f"<title>{words.all_title}</title>" in both
    english = cards.as_html(BY_ID["i-statement"])
    assert '<html lang="en">' in english and cards.FOOTER in english and words.footer not in english
    assert set(cards.WORDS) == {"en", "es"} and cards.WORDS["en"].footer == cards.FOOTER


@pytest.mark.parametrize("card", SPANISH, ids=lambda c: c.id)
def test_spanish_cards_read_as_bastante_facil_or_easier(card: cards.Card) -> None:
    for answers in (None, {}):  # blank, and filled from the journal
        tokens = cards._markdown().parse(cards._source(card, answers))
        score = measure(inline_text(tokens), "es").inflesz
        assert score >= 65, f"{card.id}: INFLESZ {score:.1f}"


def test_spanish_safety_plan_and_naloxone_cards_keep_the_facts() -> None:
    safety = " ".join(cards.as_text(ES_BY_ID["safety-plan"]).split())
    assert "1-800-799-7233" in safety and "START" in safety and "88788" in safety and "911" in safety
    naloxone = " ".join(cards.as_text(ES_BY_ID["naloxone"]).split())
    steps = ["1. Llame al 911.", "2. Dé naloxona", "3. Ayúdele a respirar.", "4. ¿No responde en 2 a 3 minutos? "
             "Dé una segunda dosis.", "5. Quédese con la persona.", "La naloxona dura de 30 a 90 minutos"]
    positions = [naloxone.index(step) for step in steps]
    assert positions == sorted(positions)


def test_an_unknown_card_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        load_cards(language="fr")


def test_safety_plan_card_says_to_keep_it_hidden_and_when_the_journal_is_safe() -> None:
    card = BY_ID["safety-plan"]
    filled = cards.as_text(card, {})
    blank = cards.as_text(card)
    for text in (filled, blank):
        flat = " ".join(text.split())
        assert "where anyone who might hurt you won't find it" in flat
        assert "1-800-799-7233" in flat and "text START to 88788" in flat and "988" in flat and "911" in flat
        assert "Leaving can be the most dangerous time" in flat
    assert "only safe if you know no one else can read your journal" in " ".join(filled.split())
    assert "Fill it in by hand" in blank and "Fill it in by hand" not in filled


def test_naloxone_card_has_the_steps_from_the_content_guide() -> None:
    flat = " ".join(cards.as_text(BY_ID["naloxone"]).split())
    steps = ["1. Call 911.", "2. Give naloxone", "3. Support their breathing.",
             "4. No response after 2 to 3 minutes? Give a second dose.", "5. Stay with them.",
             "Naloxone wears off in 30 to 90 minutes"]
    positions = [flat.index(step) for step in steps]
    assert positions == sorted(positions)


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.id)
def test_cards_read_at_grade_seven_or_below(card: cards.Card) -> None:
    for answers in (None, {}):  # blank, and filled from the journal
        tokens = cards._markdown().parse(cards._source(card, answers))
        grade = measure(inline_text(tokens)).grade
        assert 0 < grade <= 7.0, f"{card.id}: reading grade {grade:.1f}"


def test_a_long_answer_is_shortened_to_fit_the_card() -> None:
    card = BY_ID["i-statement"]
    long = "I feel worried when you come home late. " * 60 + "\n" * 40 + "end"
    page = cards.as_html(card, {"i-statement": long})
    answer = re.search(r'<div class="answer">(.*?) <span class="shortened">(.*?)</span></div>', page, re.S)
    assert answer is not None
    assert 100 < len(answer.group(1)) < 300  # three lines to write on, and one more
    assert answer.group(1).endswith("\u2026") and answer.group(2) == cards.SHORTENED
    assert cards.SHORTENED in cards.as_text(card, {"i-statement": long})
    short = cards.as_html(card, {"i-statement": "Short\n\n\n\nand sweet"})
    assert '<div class="answer">Short\n\nand sweet</div>' in short and cards.SHORTENED not in short


def test_write_cards_saves_every_card_and_keeps_filled_ones_private(tmp_path: Path) -> None:
    written = cards.write_cards(tmp_path / "mine", CARDS, {"safety-plan": {"place-and-person": "Sam's"}})
    names = sorted(p.name for p in written)
    assert names == sorted(["all-cards.html"] + [f"{c.id}{s}" for c in CARDS for s in (".html", ".txt")])
    if sys.platform != "win32":  # Windows has no file modes: there the user's own folder keeps others out
        assert stat.S_IMODE((tmp_path / "mine").stat().st_mode) == 0o700
        assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in written)
    both = (tmp_path / "mine" / "all-cards.html").read_text(encoding="utf-8")
    assert both.count("<article") == 5 and "Sam&#x27;s" in both
    assert "break-before: page" in both

    blank = cards.write_cards(tmp_path / "handouts", CARDS)
    assert "Sam" not in (tmp_path / "handouts" / "all-cards.html").read_text(encoding="utf-8")
    if sys.platform != "win32":
        assert stat.S_IMODE(blank[0].stat().st_mode) == 0o644


@pytest.mark.parametrize(("text", "message"), [
    ("# No front matter\n", "must start with front matter"),
    ("---\nid: x\n---\n# X\n", "needs 'title'"),
    ("---\nid: x\ntitle: X\n---\n{{nope}}\n", "{{nope}} is used in the text but not listed under blanks"),
    ("---\nid: x\ntitle: X\nblanks:\n  spare:\n---\nText\n", "'spare' is listed but never used"),
    ("---\nid: x\ntitle: X\nblanks:\n  a:\n    lines: 20\n---\n{{a}}\n", "lines must be a whole number"),
    ("---\nid: x\ntitle: X\nblanks:\n  a:\n    lesson: l\n---\n{{a}}\n", "needs both a lesson id"),
    ("---\nid: [x\n---\n", "not valid YAML"),
    ("---\nid: x\ntitle: X\ntype_size: 40\n---\nText\n", "type_size must be a number of points"),
])
def test_a_bad_card_file_gets_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(CardError) as error:
        parse_card(text, "cards/x.md")
    assert str(error.value).startswith("cards/x.md: ") and message in str(error.value)


def test_the_cards_module_does_not_import_textual() -> None:
    code = "import sys, course.cards; print(any(m.split('.')[0] == 'textual' for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
