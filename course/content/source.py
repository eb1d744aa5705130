"""Reading a content file safely and splitting off its front matter, on markdown-it-py tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from course.content.model import Diagnostic, Severity

MAX_FILE_BYTES = 512 * 1024
MAX_FRONT_MATTER_CHARS = 20_000
CLOSING_FENCE = re.compile(r"^\s*:{3,}\s*$")

try:  # the C loader is much faster where PyYAML was built with libyaml
    _YamlLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _YamlLoader = yaml.SafeLoader


@lru_cache(maxsize=1)
def markdown() -> MarkdownIt:
    """One parser for every content file: CommonMark, front matter and ``:::`` containers of any name."""
    return (
        MarkdownIt("commonmark")
        .use(front_matter_plugin)
        .use(container_plugin, name="any", validate=lambda params, markup: True)
    )


@dataclass
class Collector:
    """Gathers diagnostics for one file."""

    path: str
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, message: str, line: int | None = None) -> None:
        self.items.append(Diagnostic(self.path, line, Severity.ERROR, message))

    def warning(self, message: str, line: int | None = None) -> None:
        self.items.append(Diagnostic(self.path, line, Severity.WARNING, message))

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.items)


@dataclass(frozen=True)
class Parsed:
    text: str
    lines: list[str]
    tokens: list[Token]
    meta: dict[str, Any]
    body_start: int  # index of the first token after the front matter


def read_text(path: Path, report: Collector) -> str | None:
    """The file's text, or None with an error when it is too big, binary or not UTF-8."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            report.error(f"file is too large ({size:,} bytes); a content file must be under {MAX_FILE_BYTES:,} bytes")
            return None
        data = path.read_bytes()
    except OSError as exc:
        report.error(f"cannot read the file: {exc.strerror or exc}")
        return None
    if b"\x00" in data:
        report.error("not a text file (it contains NUL bytes)")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        report.error(f"not UTF-8 text (byte {exc.start}); save the file as UTF-8")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(text: str, report: Collector) -> Parsed | None:
    """Tokens and front matter of a Markdown file; None (with errors) when the front matter is unusable."""
    tokens = markdown().parse(text)
    lines = text.split("\n")
    if not tokens or tokens[0].type != "front_matter":
        first = lines[0].strip() if lines else ""
        if first == "---":
            report.error("front matter is not closed: add a line with just --- after the last field", 1)
        else:
            report.error("front matter is missing: the file must start with a line with just ---, then fields", 1)
        return None
    fm = tokens[0]
    if len(fm.content) > MAX_FRONT_MATTER_CHARS:
        report.error(f"front matter is too long (over {MAX_FRONT_MATTER_CHARS:,} characters)", 1)
        return None
    try:
        meta = yaml.load(fm.content, Loader=_YamlLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1 for the opening ---, +1 for 1-based
        problem = getattr(exc, "problem", None) or "invalid syntax"
        report.error(f"front matter is not valid YAML: {problem}", line)
        return None
    except (ValueError, RecursionError, OverflowError) as exc:  # oversized numbers, deep nesting
        report.error(f"front matter is not valid YAML: {exc.__class__.__name__}", 1)
        return None
    if not isinstance(meta, dict):
        report.error("front matter must be a list of 'field: value' lines", 1)
        return None
    return Parsed(text=text, lines=lines, tokens=tokens, meta=meta, body_start=1)


def field_line(parsed: Parsed, name: str) -> int:
    """1-based line of a front-matter field, or 1 when it is absent."""
    pattern = re.compile(rf"^{re.escape(name)}\s*:")
    end = parsed.tokens[0].map[1] if parsed.tokens[0].map else 1
    for i in range(1, end):
        if pattern.match(parsed.lines[i]):
            return i + 1
    return 1


def token_line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1


def container_closed(parsed: Parsed, token: Token) -> bool:
    """Whether a ``:::`` container was closed by a fence line, not by the end of the file."""
    if token.map is None:
        return False
    end = token.map[1]
    return end < len(parsed.lines) and bool(CLOSING_FENCE.match(parsed.lines[end]))


def inline_text(tokens: list[Token]) -> str:
    """Plain text of the inline tokens in a token run, one block per paragraph; code and HTML left out."""
    blocks: list[str] = []
    for tok in tokens:
        if tok.type != "inline" or tok.children is None:
            continue
        words = []
        for child in tok.children:
            if child.type == "text":
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append(" ")
        blocks.append("".join(words))
    return "\n\n".join(b for b in blocks if b.strip())
