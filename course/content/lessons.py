"""Parsing one lesson file: front matter, steps at ``##``, ``::: reflect`` and ``::: facilitator``."""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it.token import Token

from course.content import source
from course.content.model import Lesson, Reflection, Step
from course.content.source import Collector, Parsed

KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CONTAINERS = ("reflect", "facilitator")
REQUIRED: dict[str, tuple[type, str]] = {
    "id": (str, "text in kebab-case, like rebuilding-trust"),
    "title": (str, "text"),
    "order": (int, "a whole number"),
    "minutes": (int, "a whole number"),
    "summary": (str, "text"),
    "objectives": (list, "a list of lines starting with '- '"),
}


OPTIONAL = ("sources", "kiosk", "quiz")


def check_front_matter(parsed: Parsed, report: Collector) -> bool:
    """Check every field of the lesson, each on its own; True when the lesson can be built."""
    if not parsed.fields_readable:
        return False  # the reason is already reported
    meta = parsed.meta
    ok = not parsed.unreadable
    for name, (kind, wanted) in REQUIRED.items():
        if name in parsed.unreadable:
            continue
        line = source.field_line(parsed, name)
        value = meta.get(name)
        if value is None:
            report.error(f"field '{name}' has no value" if name in meta else f"required field '{name}' is missing",
                         line)
        elif not isinstance(value, kind) or isinstance(value, bool):
            report.error(f"field '{name}' must be {wanted}", line)
        elif isinstance(value, str) and not value.strip():
            report.error(f"field '{name}' is empty", line)
        elif name == "id" and isinstance(value, str) and not KEBAB.match(value):
            report.error(f"id '{value}' is not kebab-case (lowercase words joined by hyphens)", line)
        elif name == "minutes" and isinstance(value, int) and value <= 0:
            report.error("field 'minutes' must be more than 0", line)
        elif name == "objectives" and not value:
            report.error("field 'objectives' must list at least one objective, each a line of text", line)
        elif name == "objectives" and isinstance(value, list):
            ok = check_text_list(parsed, name, value, report) and ok
            continue
        else:
            continue
        ok = False
    for name in ("kiosk", "quiz"):
        if name in meta and not isinstance(meta[name], bool) and name not in parsed.unreadable:
            report.error(f"field '{name}' must be true or false", source.field_line(parsed, name))
            ok = False
    sources = meta.get("sources")
    if "sources" in parsed.unreadable:
        pass
    elif not sources:
        report.warning("no sources: list where the content comes from under 'sources:'",
                       source.field_line(parsed, "sources"))
    elif not isinstance(sources, list):
        report.error("field 'sources' must be a list of lines starting with '- '", source.field_line(parsed, "sources"))
        ok = False
    else:
        ok = check_text_list(parsed, "sources", sources, report) and ok
    source.warn_unknown_fields(parsed, report, (*REQUIRED, *OPTIONAL))
    return ok


def check_text_list(parsed: Parsed, name: str, items: list[object], report: Collector) -> bool:
    """Each item of a list field must be a line of text; an item read as ``a: b`` had an unquoted colon."""
    lines = source.list_item_lines(parsed, name)
    field = source.field_line(parsed, name)
    ok = True
    for n, item in enumerate(items):
        if isinstance(item, str) and item.strip():
            continue
        ok = False
        line = lines[n] if n < len(lines) else field
        if isinstance(item, dict) and len(item) == 1:
            key, value = next(iter(item.items()))
            text = source.quoted(f"{key}: {value}" if value is not None else f"{key}:")
            report.error(f"an item of '{name}' has a colon (:) in its text: put the text in double quotes, like "
                         f"- {text}", line)
        else:
            report.error(f"each item of '{name}' must be a line of text", line)
        if n >= len(lines):
            break  # a list in [brackets]: one message for the line is enough
    return ok


def _heading_text(tokens: list[Token], i: int) -> str:
    inline = tokens[i + 1] if i + 1 < len(tokens) else None
    return inline.content.strip() if inline is not None and inline.type == "inline" else ""


def _slice(lines: list[str], start: int, end: int, skip: list[tuple[int, int]]) -> str:
    kept = [line for n, line in enumerate(lines[start:end], start) if not any(a <= n < b for a, b in skip)]
    return "\n".join(kept).strip("\n")


def _steps(parsed: Parsed, report: Collector, lesson_id: str) -> tuple[list[Step], str]:
    """Split the body into steps at level-0 ``##`` headings; returns the steps and the learner-facing prose."""
    tokens = parsed.tokens
    lines = parsed.lines
    front = parsed.front_matter
    first_token = 0 if front is None else 1  # the index of the first token of the body
    body_first_line = front.map[1] if front is not None and front.map else 0
    title = ""
    # (first line, first token index, heading) for each step; the text before the first ## is step one
    bounds: list[tuple[int, int, str]] = [(body_first_line, first_token, "")]
    h1_lines: list[int] = []
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.level == 0 and tok.map:
            if tok.tag == "h1" and not title and len(bounds) == 1:
                title = _heading_text(tokens, i)
                h1_lines.append(tok.map[0])
            elif tok.tag == "h2":
                bounds.append((tok.map[0], i, _heading_text(tokens, i)))
    ends = [(b[0], b[1]) for b in bounds[1:]] + [(len(lines), len(tokens))]

    steps: list[Step] = []
    prose: list[str] = []
    for index, ((start, first, heading), (end, last)) in enumerate(zip(bounds, ends, strict=True)):
        step_tokens = tokens[first:last]
        skip: list[tuple[int, int]] = [(n, n + 1) for n in h1_lines if start <= n < end]
        if heading:
            skip.append((start, start + 1))
        reflections: list[Reflection] = []
        notes: list[str] = []
        learner_tokens: list[Token] = []
        depth = 0
        open_blocks: list[tuple[str, int]] = []  # (name, line) of each ::: block we are inside
        for tok in step_tokens:
            if tok.type == "container_any_open":
                name = tok.info.strip().split(" ")[0] if tok.info.strip() else ""
                line = source.token_line(tok)
                if open_blocks:
                    outer, outer_line = open_blocks[-1]
                    report.error(f"'::: {name}' is inside the '::: {outer}' block of line {outer_line}: close that "
                                 "one with a line with just ::: above this line", line)
                depth += 1
                open_blocks.append((name, line))
                assert tok.map is not None
                closed = source.container_closed(parsed, tok)
                skip.append((tok.map[0], tok.map[1] + (1 if closed else 0)))
                if not closed:
                    report.error(f"'::: {name}' is not closed: add a line with just ::: after it", line)
                inner = _slice(lines, tok.map[0] + 1, tok.map[1], [])
                if name not in CONTAINERS:
                    report.error(f"unknown block '::: {name}': use '::: reflect' or '::: facilitator'", line)
                elif not inner.strip():
                    report.error(f"'::: {name}' block is empty", line)
                elif name == "reflect" and depth == 1:
                    key = f"{lesson_id}/{index + 1}/{len(reflections) + 1}"
                    reflections.append(Reflection(key=key, prompt=inner))
                elif name == "facilitator" and depth == 1:
                    notes.append(inner)
            elif tok.type == "container_any_close":
                depth = max(depth - 1, 0)
                del open_blocks[depth:]
            elif depth == 0 and tok.type == "inline" and not (tok.map and tok.map[0] in h1_lines):
                learner_tokens.append(tok)
        body = _slice(lines, start, end, skip)
        step_title = heading or title or "Introduction"
        step_line = start + 1
        if heading and not body.strip() and not reflections:
            report.error(f"step '{heading}' is empty: add text under the heading", step_line)
        reflect_text = "\n\n".join(r.prompt for r in reflections)
        if not heading and not body.strip() and not reflections:
            if len(bounds) == 1:
                report.error("the lesson has no text", step_line)
            continue  # no text before the first ## : the lesson starts at its first ## heading
        prose.append(source.inline_text(learner_tokens))
        if reflect_text:
            prose.append(reflect_text)
        steps.append(Step(index=len(steps), title=step_title, body=body, reflections=tuple(reflections),
                          facilitator="\n\n".join(notes), line=step_line))
    if not title:
        report.warning("no '# Title' heading: the title from the front matter is used", body_first_line + 1)
    return steps, "\n\n".join(prose)


def parse_lesson(path: Path, display: str, report: Collector, language: str = "en") -> Lesson | None:
    """The lesson in ``path`` (``display`` names it in messages), or None when it has errors."""
    text = source.read_text(path, report)
    if text is None:
        return None
    parsed = source.parse(text, report, (*REQUIRED, *OPTIONAL))
    if parsed is None:
        return None
    fields_ok = check_front_matter(parsed, report)
    given_id = parsed.meta.get("id")
    lesson_id = given_id if isinstance(given_id, str) else path.stem
    steps, prose = _steps(parsed, report, lesson_id)
    if not fields_ok or report.has_errors:
        return None
    meta = parsed.meta
    return Lesson(
        id=meta["id"],
        title=meta["title"].strip(),
        order=meta["order"],
        minutes=meta["minutes"],
        summary=meta["summary"].strip(),
        objectives=tuple(o.strip() for o in meta["objectives"]),
        sources=tuple(s.strip() for s in meta.get("sources") or ()),
        kiosk=bool(meta.get("kiosk", False)),
        wants_quiz=bool(meta.get("quiz", True)),
        steps=tuple(steps),
        path=display,
        order_line=source.field_line(parsed, "order"),
        language=language,
        prose=prose,
    )
