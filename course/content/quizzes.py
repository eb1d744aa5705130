"""Parsing one quiz file: each ``##`` a question, task-list items its options, ``>`` their feedback."""

from __future__ import annotations

import re
import string
from pathlib import Path

from markdown_it.token import Token

from course.content import source
from course.content.model import Option, Question, Quiz
from course.content.source import Collector

CHECKBOX = re.compile(r"^\[( |x|X)\]\s+")
HEADING_ID = re.compile(r"\s*\{#([A-Za-z0-9][A-Za-z0-9_-]*)\}\s*$")
DEFAULT_PASS_MARK = 80
MAX_OPTIONS = len(string.ascii_lowercase)
FIELDS = ("lesson", "pass_mark")


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "question"


def _source_of(parsed: source.Parsed, tok: Token) -> str:
    if not tok.map:
        return ""
    return "\n".join(parsed.lines[tok.map[0]:tok.map[1]])


def _blockquote_text(parsed: source.Parsed, tok: Token) -> str:
    """The Markdown inside a blockquote, with its ``>`` markers removed."""
    raw = _source_of(parsed, tok)
    return "\n".join(re.sub(r"^\s*>\s?", "", line) for line in raw.split("\n")).strip()


def _options(parsed: source.Parsed, tokens: list[Token], start: int, report: Collector) -> tuple[list[Option], int]:
    """Options of the list opening at ``start``; returns them and the index after the list."""
    options: list[Option] = []
    i = start + 1
    level = tokens[start].level
    while i < len(tokens) and not (tokens[i].type == "bullet_list_close" and tokens[i].level == level):
        tok = tokens[i]
        if tok.type == "list_item_open" and tok.level == level + 1:
            line = source.token_line(tok)
            j = i + 1
            text = ""
            feedback = ""
            while j < len(tokens) and not (tokens[j].type == "list_item_close" and tokens[j].level == tok.level):
                inner = tokens[j]
                if inner.type == "inline" and not text and inner.level == tok.level + 2:
                    text = inner.content
                elif inner.type == "blockquote_open" and inner.level == tok.level + 1 and not feedback:
                    feedback = _blockquote_text(parsed, inner)
                j += 1
            match = CHECKBOX.match(text)
            if not match:
                report.error("option is not a task-list item: start it with '- [ ] ' or '- [x] '", line)
            elif len(options) >= MAX_OPTIONS:
                report.error(f"too many options (at most {MAX_OPTIONS})", line)
            else:
                label = text[match.end():].strip()
                if not label:
                    report.error("option has no text after its [ ] box", line)
                if not feedback:
                    report.error("option has no feedback: add an indented '  > ...' line under it", line)
                options.append(Option(key=string.ascii_lowercase[len(options)], text=label,
                                      correct=match.group(1) != " ", feedback=feedback))
            i = j
        i += 1
    return options, i + 1


def parse_quiz(path: Path, display: str, report: Collector, language: str = "en") -> Quiz | None:
    """The quiz in ``path``, or None when it has errors."""
    text = source.read_text(path, report)
    if text is None:
        return None
    parsed = source.parse(text, report, FIELDS)
    if parsed is None:
        return None
    meta = parsed.meta
    lesson_id = meta.get("lesson")
    pass_mark = meta.get("pass_mark", DEFAULT_PASS_MARK)
    if parsed.fields_readable:
        if "lesson" in parsed.unreadable:
            pass
        elif not isinstance(lesson_id, str) or not lesson_id.strip():
            report.error("required field 'lesson' is missing: give the id of the lesson this quiz belongs to",
                         source.field_line(parsed, "lesson"))
        if "pass_mark" in parsed.unreadable:
            pass
        elif isinstance(pass_mark, bool) or not isinstance(pass_mark, int) or not 0 <= pass_mark <= 100:
            report.error("pass_mark must be a whole number from 0 to 100", source.field_line(parsed, "pass_mark"))
        source.warn_unknown_fields(parsed, report, FIELDS)

    tokens = parsed.tokens
    questions: list[Question] = []
    seen: dict[str, int] = {}
    starts = [i for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h2" and t.level == 0]
    for n, first in enumerate(starts):
        last = starts[n + 1] if n + 1 < len(starts) else len(tokens)
        heading_tok = tokens[first]
        line = source.token_line(heading_tok)
        heading = tokens[first + 1].content.strip()
        id_match = HEADING_ID.search(heading)
        title = HEADING_ID.sub("", heading).strip()
        qid = id_match.group(1) if id_match else slugify(title)
        if qid in seen:
            report.error(f"question id '{qid}' is used twice (first on line {seen[qid]}); give one a new "
                         "{#id}", line)
        seen.setdefault(qid, line)
        prompt_parts: list[str] = []
        explanation = ""
        options: list[Option] = []
        i = first + 3
        while i < last:
            tok = tokens[i]
            if tok.type == "bullet_list_open" and tok.level == 0 and not options:
                options, i = _options(parsed, tokens, i, report)
                continue
            if tok.type == "blockquote_open" and tok.level == 0 and options:
                explanation = _blockquote_text(parsed, tok)
            elif tok.map and tok.level == 0 and tok.nesting >= 0 and not options:
                prompt_parts.append(_source_of(parsed, tok))
            i += 1
        if len(options) < 2:
            report.error(f"question '{title}' needs at least two options", line)
        elif not any(o.correct for o in options):
            report.error(f"question '{title}' has no correct option: mark one with [x]", line)
        if not "".join(prompt_parts).strip() and not title:
            report.error("question has no text", line)
        questions.append(Question(id=qid, title=title, prompt="\n\n".join(prompt_parts).strip(),
                                  options=tuple(options), explanation=explanation, line=line))
    if not starts:
        report.error("the quiz has no questions: start each one with a '## ' heading", 1)
    if report.has_errors or not parsed.fields_readable or parsed.unreadable:
        return None
    return Quiz(lesson_id=str(lesson_id), pass_mark=int(pass_mark), questions=tuple(questions), path=display,
                language=language)
