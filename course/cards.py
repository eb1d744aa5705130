"""Cards to keep: one-page cards from the Markdown files in ``cards/``, as printable HTML and as plain text.

A card file is Markdown with front matter. ``{{name}}`` in the text is a blank, described in the front matter:

```yaml
blanks:
  boundary:
    lines: 3                                  # ruled lines to write on by hand
    lesson: boundaries-and-self-care          # optional: filled from the journal answer to this lesson's
    prompt: "What is one boundary you could"  #   reflect prompt that contains these words
```

A blank on a line of its own is a block (ruled lines, or the learner's words); inside a sentence it is a short
line. ``::: filled`` and ``::: blank`` blocks are kept only on a card printed with journal answers, or only on
a blank card. ``type_size`` in the front matter sets the card's type in points (11.5 unless given; larger for a
card on the fridge). Learner text is inserted after the Markdown is rendered, and escaped, so it is always shown
literally. No Textual here: the home screen, the group screen and the command line all use this module.

The cards in another language are in ``cards/<code>/`` (``cards/es/``), one per English card, with the same ids and
blanks; ``load_cards(language="es")`` reads them, and the words this module writes on a card itself (its footer,
the note on a shortened answer, the page title) follow the card's language (``WORDS``).
"""

from __future__ import annotations

import html
import os
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from course.content.dirs import shipped_content_dir
from course.content.languages import DEFAULT_LANGUAGE, check_language, subfolder
from course.content.model import Lesson
from course.store.records import JournalEntry


@dataclass(frozen=True)
class CardWords:
    """What this module writes on a card itself, in one language."""

    footer: str
    shortened: str  # after a journal answer cut to fit its lines
    card_title: str  # the page title of one card: ``{title}`` is the card's
    all_title: str  # the page title of every card at once


WORDS = {
    "en": CardWords(
        footer="Family Course: education, not treatment. In danger now? Call 911. In crisis? Call, text or chat 988.",
        shortened="(Shortened to fit the card. The rest is in your journal.)",
        card_title="Family Course card: {title}",
        all_title="Family Course cards",
    ),
    "es": CardWords(
        footer="Family Course: educación, no tratamiento. ¿Peligro ahora? Llame al 911. ¿Crisis? Llame, envíe un texto "
               "o chatee al 988.",
        shortened="(Recortado para que quepa. El resto está en su diario.)",
        card_title="Tarjeta de Family Course: {title}",
        all_title="Tarjetas de Family Course",
    ),
}
FOOTER = WORDS[DEFAULT_LANGUAGE].footer
SHORTENED = WORDS[DEFAULT_LANGUAGE].shortened
TEXT_WIDTH = 72
MAX_BLANK_LINES = 8
TYPE_SIZE = 11.5  # points, unless the card gives its own ``type_size``
TYPE_SIZES = (9.0, 20.0)

_PLACEHOLDER = re.compile(r"\{\{([a-z0-9]+(?:-[a-z0-9]+)*)\}\}")
_HTML_PLACEHOLDER = re.compile(r"<p>\{\{([a-z0-9-]+)\}\}</p>|\{\{([a-z0-9-]+)\}\}")
_VARIANT = re.compile(r"^:::[ \t]*(filled|blank)[ \t]*\n(.*?)^:::[ \t]*$\n?", re.M | re.S)
_CHECKBOX = '<input class="task-list-item-checkbox" disabled="disabled" type="checkbox">'
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

Answers = Mapping[str, str]  # blank name -> the learner's own words


class CardError(ValueError):
    """A card file that cannot be used; the message names the file and says what to change."""


@dataclass(frozen=True)
class Blank:
    name: str
    lines: int = 1
    lesson: str = ""  # with ``prompt``: the journal answer that fills this blank
    prompt: str = ""  # words from that lesson's reflect prompt

    @property
    def from_journal(self) -> bool:
        return bool(self.lesson and self.prompt)


@dataclass(frozen=True)
class Card:
    id: str
    title: str
    order: int
    body: str  # Markdown, front matter removed
    blanks: tuple[Blank, ...]
    type_size: float = TYPE_SIZE  # points; larger for a card on the fridge or the mirror
    path: Path | None = None
    language: str = DEFAULT_LANGUAGE

    @property
    def words(self) -> CardWords:
        """What the card code writes on this card itself, in the card's language."""
        return WORDS[self.language]

    @property
    def answer_line_ems(self) -> float:
        """How wide a printed line of the learner's words is, in ems of their type, less a tenth to be safe.

        The card's text is 164 mm (465 pt) wide inside its border and padding; the words are set 5% larger than
        the card's type, inside a bar and 1.2 em of padding.
        """
        return (465 / (1.05 * self.type_size) - 1.2) * 0.9

    @property
    def from_journal(self) -> bool:
        """Whether any blank can be filled from the journal."""
        return any(blank.from_journal for blank in self.blanks)

    def blank(self, name: str) -> Blank | None:
        return next((b for b in self.blanks if b.name == name), None)


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).use(front_matter_plugin).use(tasklists_plugin)


def shipped_cards_dir() -> Path:
    """The built-in cards: inside the installed package, or at the top of a source checkout."""
    return shipped_content_dir() / "cards"


# -- reading cards ----------------------------------------------------------------------------------------------------

def _blank(card: str, name: Any, spec: Any) -> Blank:
    if not isinstance(name, str) or not _NAME.match(name):
        raise CardError(f"{card}: blank name {name!r} must be lowercase words joined by dashes")
    spec = {} if spec is None else spec
    if not isinstance(spec, dict):
        raise CardError(f"{card}: blank '{name}' must be a list of 'field: value' lines")
    unknown = sorted(set(spec) - {"lines", "lesson", "prompt"})
    if unknown:
        raise CardError(f"{card}: blank '{name}' has unknown field '{unknown[0]}' (use lines, lesson, prompt)")
    lines = spec.get("lines", 1)
    if not isinstance(lines, int) or isinstance(lines, bool) or not 1 <= lines <= MAX_BLANK_LINES:
        raise CardError(f"{card}: blank '{name}': lines must be a whole number from 1 to {MAX_BLANK_LINES}")
    lesson, prompt = spec.get("lesson", ""), spec.get("prompt", "")
    if not isinstance(lesson, str) or not isinstance(prompt, str) or bool(lesson.strip()) != bool(prompt.strip()):
        raise CardError(f"{card}: blank '{name}' needs both a lesson id and words from its prompt, or neither")
    return Blank(name, lines, lesson.strip(), prompt.strip())


def parse_card(text: str, name: str = "card", path: Path | None = None, language: str = DEFAULT_LANGUAGE) -> Card:
    """The card in ``text``, written in ``language``; ``name`` names it in error messages."""
    check_language(language)
    tokens = _markdown().parse(text)
    if not tokens or tokens[0].type != "front_matter":
        raise CardError(f"{name}: the file must start with front matter between two lines of ---")
    try:
        meta = yaml.safe_load(tokens[0].content)
    except yaml.YAMLError as error:
        raise CardError(f"{name}: the front matter is not valid YAML ({error.__class__.__name__})") from None
    if not isinstance(meta, dict):
        raise CardError(f"{name}: the front matter must be a list of 'field: value' lines")
    for field in ("id", "title"):
        if not isinstance(meta.get(field), str) or not meta[field].strip():
            raise CardError(f"{name}: the front matter needs '{field}'")
    if not _NAME.match(meta["id"]):
        raise CardError(f"{name}: id must be lowercase words joined by dashes")
    order = meta.get("order", 0)
    if not isinstance(order, int) or isinstance(order, bool):
        raise CardError(f"{name}: order must be a whole number")
    raw_blanks = meta.get("blanks") or {}
    if not isinstance(raw_blanks, dict):
        raise CardError(f"{name}: blanks must be a list of names, each with its fields")
    blanks = tuple(_blank(name, key, spec) for key, spec in raw_blanks.items())
    end = tokens[0].map[1] if tokens[0].map else 0
    body = "\n".join(text.split("\n")[end:]).strip() + "\n"
    used = _PLACEHOLDER.findall(body)
    declared = {b.name for b in blanks}
    missing = sorted(set(used) - declared)
    if missing:
        raise CardError(f"{name}: {{{{{missing[0]}}}}} is used in the text but not listed under blanks")
    unused = sorted(declared - set(used))
    if unused:
        raise CardError(f"{name}: the blank '{unused[0]}' is listed but never used as {{{{{unused[0]}}}}}")
    size = meta.get("type_size", TYPE_SIZE)
    if not isinstance(size, int | float) or isinstance(size, bool) or not TYPE_SIZES[0] <= size <= TYPE_SIZES[1]:
        raise CardError(f"{name}: type_size must be a number of points from {TYPE_SIZES[0]:g} to {TYPE_SIZES[1]:g}")
    return Card(meta["id"], meta["title"].strip(), order, body, blanks, float(size), path, language)


def load_cards(folder: Path | None = None, language: str = DEFAULT_LANGUAGE) -> list[Card]:
    """Every card in ``folder`` (the built-in cards by default) in ``language``, in their order: the English
    cards are in the folder itself, another language's in its folder inside it (``cards/es``)."""
    folder = (shipped_cards_dir() if folder is None else folder) / subfolder(language)
    try:
        paths = sorted(p for p in folder.iterdir() if p.suffix == ".md" and p.is_file())
    except OSError as error:
        raise CardError(f"{folder}: the cards could not be read ({error.strerror or error})") from None
    cards = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CardError(f"{path}: the card could not be read ({error})") from None
        cards.append(parse_card(text, str(path), path, language))
    ids = [card.id for card in cards]
    for card_id in ids:
        if ids.count(card_id) > 1:
            raise CardError(f"{folder}: two cards have the id '{card_id}'")
    return sorted(cards, key=lambda c: (c.order, c.id))


# -- the learner's words from the journal -----------------------------------------------------------------------------

def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def prompt_keys(blank: Blank, lessons: Iterable[Lesson]) -> set[str]:
    """The keys of the reflect prompts that ``blank`` points at, in the course as it is now."""
    want = _words(blank.prompt)
    return {reflection.key for lesson in lessons if lesson.id == blank.lesson for step in lesson.steps
            for reflection in step.reflections if want in _words(reflection.prompt)}


def journal_answers(card: Card, entries: Iterable[JournalEntry], lessons: Iterable[Lesson] = ()) -> dict[str, str]:
    """The learner's answers for the card's blanks: blank name -> text (blanks with no answer are left out).

    An entry answers a blank when it belongs to the blank's lesson and its prompt contains the blank's prompt
    words, or (with ``lessons``) when it answers the prompt those words point at now, reworded or not. When
    several do, the one changed last wins.
    """
    lessons = tuple(lessons)
    entries = [entry for entry in entries if entry.text.strip()]
    answers: dict[str, str] = {}
    for blank in card.blanks:
        if not blank.from_journal:
            continue
        keys = prompt_keys(blank, lessons)
        want = _words(blank.prompt)
        found = [e for e in entries if e.lesson_id == blank.lesson
                 and (e.prompt_key in keys or want in _words(e.prompt))]
        if found:
            answers[blank.name] = max(found, key=lambda e: e.updated).text.strip()
    return answers


# Widths of letters in ems, as in Arial and Liberation Sans, rounded up (an accented letter as its plain one);
# any other character counts as 1 em.
_WIDTHS = {**dict.fromkeys(" fijlrtI.,;:'!|()[]-/\"íÍ¡", 0.34),
           **dict.fromkeys("abcdeghknopqsuvxyz0123456789áéóúüñ", 0.56),
           **dict.fromkeys("ABCDEFGHJKLNOPQRSTUVXYZ&?$#%ÁÉÓÚÜÑ¿", 0.73), **dict.fromkeys("mwMW@", 0.95)}


def _ems(text: str) -> float:
    return sum(_WIDTHS.get(c, 1.0) for c in text)


def _wrap(paragraph: str, width: float) -> list[str]:
    """``paragraph`` broken into lines no wider than ``width`` ems, as a browser would (long words split)."""
    lines: list[str] = []
    line = ""
    for word in paragraph.split():
        while _ems(word) > width:  # a word wider than the line is split, as overflow-wrap: anywhere does
            cut = 1
            while cut < len(word) and _ems(word[:cut + 1]) <= width:
                cut += 1
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:cut])
            word = word[cut:]
        if line and _ems(f"{line} {word}") > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line or not lines else lines


def _fit(text: str, max_lines: int, width: float) -> tuple[str, bool]:
    """``text`` cut to ``max_lines`` printed lines ``width`` ems wide; True when it was cut."""
    kept: list[str] = []
    used = 0
    paragraphs = re.sub(r"\n\s*\n+", "\n\n", text.strip().replace("\r\n", "\n")).split("\n")
    for paragraph in paragraphs:
        wrapped = _wrap(paragraph, width)
        if used + len(wrapped) <= max_lines:
            kept.append(paragraph)
            used += len(wrapped)
            continue
        room = max_lines - used
        if room > 0:
            kept.append(" ".join(wrapped[:room]).rstrip(" ,;:.") + "\u2026")
        return "\n".join(kept).strip(), True
    return "\n".join(kept).strip(), False


def _answer(card: Card, blank: Blank, answers: Answers | None) -> tuple[str, bool] | None:
    text = (answers or {}).get(blank.name, "").strip()
    if not text:
        return None
    found = _fit(text, blank.lines + 1, card.answer_line_ems)
    if found[1]:  # cut: keep the last line for the note that says so
        found = _fit(text, blank.lines, card.answer_line_ems)
    return found


def _source(card: Card, answers: Answers | None) -> str:
    """The card's Markdown with the ``::: filled`` / ``::: blank`` blocks chosen for this printing."""
    keep = "filled" if answers is not None else "blank"
    return _VARIANT.sub(lambda m: m.group(2) if m.group(1) == keep else "", card.body)


# -- HTML -------------------------------------------------------------------------------------------------------------

CSS = """
@page { margin: 12mm; }
* { box-sizing: border-box; }
html { background: #fff; color: #000; }
body { font-family: Arial, Helvetica, "Liberation Sans", "DejaVu Sans", sans-serif; margin: 0; }
.card { max-width: 182mm; margin: 0 auto; border: 2px solid #000; border-radius: 4mm; padding: 5mm 8mm 4mm;
        line-height: 1.3; break-inside: avoid; page-break-inside: avoid; }
.card + .card { break-before: page; page-break-before: always; }
h1 { font-size: 1.75em; margin: 0 0 .25em; padding-bottom: .15em; border-bottom: 2px solid #000; }
h2 { font-size: 1.15em; margin: .7em 0 .15em; }
p { margin: .25em 0; }
ul, ol { margin: .2em 0; padding-left: 1.4em; }
li { margin: .1em 0; }
ul.contains-task-list { list-style: none; padding-left: .2em; }
ul.contains-task-list:has(> li:nth-child(4)) { columns: 2; }
ul.contains-task-list li { break-inside: avoid; position: relative; padding-left: 1.5em; }
.box { position: absolute; left: 0; top: .2em; width: .9em; height: .9em; border: 1.5px solid #000; }
blockquote { margin: .3em 0; padding: .1em .8em; border-left: 3px solid #000; font-style: italic; }
.write { margin: .1em 0 .3em; }
.write .line { height: 2.1em; border-bottom: 1px solid #000; }
.answer { margin: .2em 0 .3em; padding: .15em .6em; border-left: 3px solid #000; white-space: pre-wrap;
          overflow-wrap: anywhere; font-size: 1.05em; }
.shortened { font-size: .8em; font-style: italic; }
.short { display: inline-block; min-width: 10em; border-bottom: 1px solid #000; }
footer { margin-top: 1em; padding-top: .3em; border-top: 1px solid #000; font-size: 8.5pt; }
@media screen { html, body { background: #f4f4f4; } body { padding: 1.5rem; } .card { background: #fff; }
                .card + .card { margin-top: 1.5rem; } }
@media print { body { padding: 0; } }
"""


def _html_blank(card: Card, blank: Blank, answers: Answers | None, block: bool) -> str:
    found = _answer(card, blank, answers)
    if found is not None:
        text, shortened = found
        if not block:
            return f'<span class="short">{html.escape(" ".join(text.split()))}</span>'
        note = f' <span class="shortened">{html.escape(card.words.shortened)}</span>' if shortened else ""
        return f'<div class="answer">{html.escape(text)}{note}</div>'
    if not block:
        return '<span class="short">&nbsp;</span>'
    return '<div class="write">' + '<div class="line"></div>' * blank.lines + "</div>"


def card_article(card: Card, answers: Answers | None = None) -> str:
    """The card as an HTML ``<article>``: ``answers`` None for a blank card to fill in by hand."""
    rendered = _markdown().render(_source(card, answers)).replace(_CHECKBOX, '<span class="box"></span>')

    def blank(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        found = card.blank(name)
        return match.group(0) if found is None else _html_blank(card, found, answers, block=bool(match.group(1)))

    body = _HTML_PLACEHOLDER.sub(blank, rendered)  # one pass: the learner's words are never searched again
    return (f'<article class="card" id="card-{html.escape(card.id)}" style="font-size: {card.type_size:g}pt">\n'
            f"{body}"
            f"<footer>{html.escape(card.words.footer)}</footer>\n</article>")


def _page(title: str, articles: Sequence[str], language: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>{CSS}</style></head><body>\n"
            + "\n".join(articles) + "\n</body></html>\n")


def as_html(card: Card, answers: Answers | None = None) -> str:
    """A web page with one card that prints on one page (A4 or US Letter)."""
    return _page(card.words.card_title.format(title=card.title), [card_article(card, answers)], card.language)


def all_as_html(cards: Sequence[Card], answers: Mapping[str, Answers] | None = None) -> str:
    """One web page with every card, each printing on a page of its own. ``answers`` by card id. The page is in
    the language of the first card."""
    language = cards[0].language if cards else DEFAULT_LANGUAGE
    return _page(WORDS[language].all_title, [card_article(c, None if answers is None else answers.get(c.id, {}))
                                             for c in cards], language)


# -- plain text -------------------------------------------------------------------------------------------------------

def _text_blank(card: Card, blank: Blank, answers: Answers | None, indent: str) -> list[str]:
    found = _answer(card, blank, answers)
    if found is None:
        return [indent + "_" * (TEXT_WIDTH - len(indent))] * blank.lines
    text, shortened = found
    out: list[str] = []
    for paragraph in text.split("\n"):
        out += textwrap.wrap(paragraph, TEXT_WIDTH, initial_indent=indent + "  ",
                             subsequent_indent=indent + "  ") or [""]
    if shortened:
        out += textwrap.wrap(card.words.shortened, TEXT_WIDTH, initial_indent=indent + "  ",
                             subsequent_indent=indent + "  ")
    return out


def _inline(token: Token, card: Card, answers: Answers | None) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "html_inline" and "checkbox" in child.content:
            parts.append("[ ]")

    def blank(match: re.Match[str]) -> str:
        found = card.blank(match.group(1))
        if found is None:
            return match.group(0)
        answer = _answer(card, found, answers)
        return " ".join(answer[0].split()) if answer else "__________"

    return _PLACEHOLDER.sub(blank, "".join(parts))


def as_text(card: Card, answers: Answers | None = None) -> str:
    """The card as plain text, wrapped to 72 columns: ``answers`` None for a blank card."""
    out: list[str] = []
    numbers: list[int] = []  # for each open list, the next item's number (0 in a bullet list)
    quote = 0
    lead = ""  # "- " or "1. " before the first paragraph of a list item
    tokens = _markdown().parse(_source(card, answers))
    for i, token in enumerate(tokens):
        kind = token.type
        if kind == "heading_open":
            text = _inline(tokens[i + 1], card, answers)
            out += ["", text, ("=" if token.tag == "h1" else "-") * min(len(text), TEXT_WIDTH)]
        elif kind in ("bullet_list_open", "ordered_list_open"):
            if not numbers:
                out.append("")
            numbers.append(int(token.attrGet("start") or 1) if kind == "ordered_list_open" else 0)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            numbers.pop()
        elif kind == "list_item_open":
            lead = f"{numbers[-1]}. " if numbers[-1] else "- "
            numbers[-1] += bool(numbers[-1])
        elif kind == "blockquote_open":
            out.append("")
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "inline" and tokens[i - 1].type == "paragraph_open":
            indent = "  " * max(len(numbers) - 1, 0) + "> " * quote
            if not numbers and not quote:
                out.append("")
            whole = _PLACEHOLDER.fullmatch(token.content.strip())
            found = card.blank(whole.group(1)) if whole else None
            if found is not None and not lead:
                out += _text_blank(card, found, answers, indent)
                continue
            first, rest = indent + lead, indent + " " * len(lead)
            lead = ""
            for n, line in enumerate(_inline(token, card, answers).split("\n")):
                out += textwrap.wrap(line, TEXT_WIDTH, initial_indent=first if n == 0 else rest,
                                     subsequent_indent=rest, break_on_hyphens=False) or [first.rstrip()]
    body = "\n".join(out).strip("\n")
    return "\n".join([body, "", "-" * TEXT_WIDTH, *textwrap.wrap(card.words.footer, TEXT_WIDTH)]) + "\n"


# -- saving -----------------------------------------------------------------------------------------------------------

ALL_CARDS_FILE = "all-cards.html"


def _write(path: Path, text: str, private: bool) -> None:
    """Write ``text`` to ``path``; ``private`` files can be read by their owner only."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    fd = os.open(path, flags, 0o600 if private else 0o644)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        if private:
            os.chmod(path, 0o600)  # an older file of the same name keeps its mode otherwise
        handle.write(text)


def write_cards(folder: Path, cards: Sequence[Card], answers: Mapping[str, Answers] | None = None) -> list[Path]:
    """Save each card as ``<id>.html`` and ``<id>.txt`` in ``folder`` (made if missing), and every card in
    ``all-cards.html``. ``answers`` (by card id) None saves blank cards; cards with answers are saved readable
    by their owner only. Returns the paths written, ``all-cards.html`` first."""
    folder = folder.expanduser()
    private = answers is not None
    folder.mkdir(parents=True, exist_ok=True, mode=0o700 if private else 0o777)
    written = [folder / ALL_CARDS_FILE]
    _write(written[0], all_as_html(cards, answers), private)
    for card in cards:
        mine = None if answers is None else answers.get(card.id, {})
        for suffix, text in ((".html", as_html(card, mine)), (".txt", as_text(card, mine))):
            path = folder / f"{card.id}{suffix}"
            _write(path, text, private)
            written.append(path)
    return written
