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
MAX_LINES_BEFORE_FENCE = 20  # empty lines above the front matter that are recognised as a mistake
MAX_REPAIRS = 30  # front-matter mistakes reported in one file before giving up
CLOSING_FENCE = re.compile(r"^\s*:{3,}\s*$")
KEY_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?=[ \t]|$)")  # a top-level "name:" line
LIST_ITEM = re.compile(r"^(\s*)-[ \t]+(.*)$")
LONG_NUMBER = re.compile(r"\d{4000,}")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
# YAML complaints whose first mark (where the thing began) is the line to show, not where YAML gave up
CONTEXT_FIRST = ("while parsing a flow", "while scanning a quoted", "while scanning a simple key",
                 "while scanning a block scalar")

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
    """Gathers diagnostics for one file. ``line_offset`` is added to every line (front matter found lower down)."""

    path: str
    items: list[Diagnostic] = field(default_factory=list)
    line_offset: int = 0

    def error(self, message: str, line: int | None = None) -> None:
        self._add(Severity.ERROR, message, line)

    def warning(self, message: str, line: int | None = None) -> None:
        self._add(Severity.WARNING, message, line)

    def _add(self, severity: Severity, message: str, line: int | None) -> None:
        where = line + self.line_offset if line is not None else None
        self.items.append(Diagnostic(self.path, where, severity, message))

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.items)


@dataclass(frozen=True)
class Parsed:
    text: str
    lines: list[str]
    tokens: list[Token]
    meta: dict[str, Any]
    fields_readable: bool = True  # False when the front matter is missing or unreadable: its fields are not checked
    unreadable: frozenset[str] = frozenset()  # fields whose lines could not be read (already reported)

    @property
    def front_matter(self) -> Token | None:
        """The front-matter token, always the first when there is one."""
        first = self.tokens[0] if self.tokens else None
        return first if first is not None and first.type == "front_matter" else None


def read_text(path: Path, report: Collector) -> str | None:
    """The file's text with line ends made ``\n``, or None with an error when it cannot be checked at all (too
    big, binary, empty). Bytes that are not UTF-8 are reported with their line and read as U+FFFD."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            report.error(f"file is too large ({size:,} bytes); a content file must be under {MAX_FILE_BYTES:,} bytes")
            return None
        data = path.read_bytes()
    except OSError as exc:
        report.error(f"cannot read the file: {exc.strerror or exc}")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        report.error("the file is saved as UTF-16: save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)")
        return None
    if b"\x00" in data:
        report.error("not a text file (it contains NUL bytes)")
        return None
    data = data.removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_lines = [n for n, line in enumerate(data.split(b"\n"), 1) if not _is_utf8(line)]
        more = len(bad_lines) - 1
        report.error(f"not UTF-8 text: this line has a byte (0x{data[exc.start]:02X}) that is not UTF-8"
                     + (f", and {more} more line{'s' * (more != 1)} too" if more > 0 else "")
                     + "; save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8)",
                     bad_lines[0] if bad_lines else None)
        text = data.decode("utf-8", errors="replace")
    if not text.strip():
        report.error("the file is empty")
        return None
    return text


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def parse(text: str, report: Collector, fields: tuple[str, ...] = ()) -> Parsed | None:
    """Tokens and front matter of a Markdown file whose front matter may use ``fields``. Problems are reported
    and the file is read as far as it can be: without usable front matter the body is still parsed
    (``fields_readable`` is then False). None only when the front matter is not closed: there is no body."""
    lines = text.split("\n")
    if lines[0].strip() != "---":
        fence = next((n for n, line in enumerate(lines[:MAX_LINES_BEFORE_FENCE]) if line.strip() == "---"), None)
        if fence is not None and not any(line.strip() for line in lines[:fence]):
            report.error(f"the front matter must start on the first line: remove the {fence} "
                         f"line{'s' * (fence != 1)} above it", fence + 1)
            report.line_offset += fence
            return parse("\n".join(lines[fence:]), report, fields)
    tokens = markdown().parse(text)
    if not tokens or tokens[0].type != "front_matter":
        if lines[0].strip() == "---":
            report.error("front matter is not closed: add a line with just --- after the last field", 1)
            return None
        report.error("front matter is missing: the file must start with a line with just ---, then fields", 1)
        return Parsed(text=text, lines=lines, tokens=tokens, meta={}, fields_readable=False)
    content = tokens[0].content
    if len(content) > MAX_FRONT_MATTER_CHARS:
        report.error(f"front matter is too long (over {MAX_FRONT_MATTER_CHARS:,} characters)", 1)
        return Parsed(text=text, lines=lines, tokens=tokens, meta={}, fields_readable=False)
    front = FrontMatter(content.split("\n"), report, fields)
    meta = front.read()
    if meta is None:
        return Parsed(text=text, lines=lines, tokens=tokens, meta={}, fields_readable=False)
    return Parsed(text=text, lines=lines, tokens=tokens, meta=meta, unreadable=frozenset(front.unreadable))


class FrontMatter:
    """Reads front-matter YAML, and after a mistake goes on reading the other fields: each mistake is reported in
    plain words with its line, its line is mended (a colon put in quotes, a tab made spaces) or its field left
    out, and the YAML is read again."""

    def __init__(self, lines: list[str], report: Collector, fields: tuple[str, ...] = ()) -> None:
        self.lines = list(lines)  # lines[0] is the file's line 2, under the opening ---
        self.report = report
        self.fields = fields  # the field names the file may use
        self.unreadable: set[str] = set()
        self.seen: set[tuple[int, str]] = set()

    def read(self) -> dict[str, Any] | None:
        """The fields, or None (reported) when the front matter cannot be read as fields at all."""
        self._warn_repeated_fields()
        self._remove_control_characters()
        for _ in range(MAX_REPAIRS):
            try:
                meta = yaml.load("\n".join(self.lines), Loader=_YamlLoader)
            except yaml.reader.ReaderError:
                self._error("the front matter has a character that cannot be read: retype the line", -1)
                return None
            except yaml.YAMLError as exc:
                if not self._mend(exc):
                    return None
                continue
            except ValueError as exc:  # a number too long to read
                if not self._mend_long_number(exc):
                    return None
                continue
            except (RecursionError, OverflowError, MemoryError):
                self._error("the front matter is nested too deeply to read: write each field as name: value", 0)
                return None
            if meta is None:  # only comments or empty lines
                meta = {}
            if not isinstance(meta, dict):
                self._error("front matter must be a list of 'field: value' lines", -1)
                return None
            return meta
        self._error("the front matter has too many mistakes to read further: fix the ones above first", -1)
        return None

    def _error(self, message: str, index: int) -> None:
        self.report.error(message, index + 2)  # +1 for the opening ---, +1 because lines count from 1

    def _remove_control_characters(self) -> None:
        for index, line in enumerate(self.lines):
            found = CONTROL.search(line)
            if found is not None:
                self._error(f"this line has an invisible control character (0x{ord(found.group()):02X}): "
                            "delete it", index)
                self.lines[index] = CONTROL.sub("", line)

    def _warn_repeated_fields(self) -> None:
        first: dict[str, int] = {}
        for index, line in enumerate(self.lines):
            match = KEY_LINE.match(line)
            if match is None:
                continue
            name = match.group(1)
            if name in first:
                self.report.warning(f"field '{name}' is given twice (also on line {first[name] + 2}): only this "
                                    "one is used; delete the other", index + 2)
            first[name] = index

    def _field_at(self, index: int) -> tuple[str, int, int] | None:
        """The top-level field whose lines include ``index``: its name and its first and last+1 line."""
        start = next((i for i in range(index, -1, -1) if KEY_LINE.match(self.lines[i])), None)
        if start is None:
            return None
        end = next((i for i in range(start + 1, len(self.lines)) if KEY_LINE.match(self.lines[i])),
                   len(self.lines))
        match = KEY_LINE.match(self.lines[start])
        assert match is not None
        return match.group(1), start, end

    def _mend(self, exc: yaml.YAMLError) -> bool:
        """Report one YAML mistake and change the lines so that reading can go on; False to give up."""
        context = str(getattr(exc, "context", None) or "")
        problem = str(getattr(exc, "problem", None) or "")
        context_mark = getattr(exc, "context_mark", None)
        problem_mark = getattr(exc, "problem_mark", None)
        mark = context_mark if context.startswith(CONTEXT_FIRST) and context_mark is not None else (
            problem_mark or context_mark)
        if mark is None or not self.lines:
            self._error(f"the front matter is not valid YAML ({problem or exc})", 0)
            return False
        index = min(max(mark.line, 0), len(self.lines) - 1)
        if (index, problem) in self.seen:  # mending did not help: stop rather than repeat ourselves
            return False
        self.seen.add((index, problem))
        line = self.lines[index]
        found = self._field_at(index)
        name = found[0] if found else ""
        leading = line[:len(line) - len(line.lstrip(" \t"))]
        at = line[mark.column] if 0 <= mark.column < len(line) else ""
        if "\t" in leading or at == "\t" or "tab" in problem:
            self._error("this line has a tab: indent with spaces, not tabs", index)
            rest = line[len(leading):].replace("\t", " ")
            self.lines[index] = ("" if KEY_LINE.match(rest) else leading.replace("\t", "  ")) + rest
            return True
        if problem.startswith("mapping values are not allowed"):
            key = KEY_LINE.match(line)
            if key is not None:
                value = line[key.end():]
                self._error(f"field '{key.group(1)}' has a colon (:) in its text: put the text in double quotes, "
                            f"like {key.group(1)}: {quoted(value)}", index)
                self.lines[index] = f"{key.group(1)}: {_yaml_string(value)}"
                return True
            item = LIST_ITEM.match(line)
            if item is not None:
                self._error(f"an item of '{name}' has a colon (:) in its text: put the text in double quotes, "
                            f"like - {quoted(item.group(2))}", index)
                self.lines[index] = f"{item.group(1)}- {_yaml_string(item.group(2))}"
                return True
            indented = KEY_LINE.match(line.lstrip())
            if indented is not None and line[:1].isspace() and indented.group(1) in self.fields:
                self._error(f"field '{indented.group(1)}' is indented: start it at the left edge, with no spaces "
                            "before it", index)
                self.lines[index] = line.lstrip()
                return True
            if found is not None and line[:1].isspace():  # text that goes on over more lines
                self._error(f"field '{name}' has a colon (:) in its text: put the text in double quotes", index)
                self.lines[found[1]:found[2]] = [""] * (found[2] - found[1])
                self.unreadable.add(name)
                return True
        advice = _plain(context, problem, line, mark.column)
        if found is None:
            self._error(f"this line could not be read: {advice}", index)
            self.lines[index] = ""
            return True
        name, start, end = found
        self._error(f"field '{name}' could not be read: {advice}", index)
        if all(not line.strip() for line in self.lines[start:end]):
            return False
        self.lines[start:end] = [""] * (end - start)
        self.unreadable.add(name)
        return True

    def _mend_long_number(self, exc: ValueError) -> bool:
        index = next((i for i, line in enumerate(self.lines) if LONG_NUMBER.search(line)), None)
        found = self._field_at(index) if index is not None else None
        if index is None or found is None:
            self._error(f"the front matter could not be read ({exc})", 0)
            return False
        name, start, end = found
        self._error(f"field '{name}' has a number too long to read", index)
        self.lines[start:end] = [""] * (end - start)
        self.unreadable.add(name)
        return True


def quoted(text: str, limit: int = 50) -> str:
    """``text`` as an author should write it in the front matter: in double quotes (shortened when long)."""
    text = re.sub(r"\s+#.*$", "", text).strip()
    if len(text) > limit:
        text = text[:limit - 3].rstrip() + "..."
    return '"' + text.replace('"', "'") + '"'


def _yaml_string(text: str) -> str:
    return '"' + re.sub(r"\s+#.*$", "", text).strip().replace("\\", "\\\\").replace('"', '\\"') + '"'


def _plain(context: str, problem: str, line: str, column: int) -> str:
    """A YAML complaint in the words of the README, with what to do about it."""
    if "flow sequence" in context:
        return "a list that starts with [ has no closing ] on its line; if this is text, put the text in double quotes"
    if "flow mapping" in context:
        return "text that starts with { has no closing }; put the text in double quotes"
    if "quoted scalar" in context:
        return "a quote is not closed: end the text with the same quote mark it starts with"
    if "simple key" in context:
        return "this line is not a 'name: value' line: add the colon, or indent it under its field"
    if problem.startswith("found character that cannot start any token") or "undefined alias" in problem or (
            "could not determine a constructor" in problem):
        char = line[column] if 0 <= column < len(line) else "this character"
        return f"text cannot start with {char}: put the text in double quotes"
    if problem.startswith(("block sequence entries are not allowed", "mapping keys are not allowed")):
        return "text cannot start with - or ?: put the text in double quotes"
    value = KEY_LINE.sub("", line, count=1).strip()
    if problem.startswith("did not find expected key") and value[:1] in ("'", '"'):
        return ("the text goes on after its closing quote: put the whole text in double quotes, and use ' for "
                "quote marks inside it")
    if problem.startswith("did not find expected key") or "expected <block end>" in problem:
        return ("this line does not line up with the ones above: check the spaces at its start (list items start "
                "with two spaces and a dash), and put text with quote marks in it in double quotes")
    if "unhashable key" in problem:
        return "a field name must be a plain word, like title"
    return f"it is not valid YAML ({problem or context or 'invalid syntax'}); if it is text, put the text in " \
           "double quotes"


def _front_matter_end(parsed: Parsed) -> int:
    front = parsed.front_matter
    if front is None or front.map is None:
        return 1
    return front.map[1]


def field_line(parsed: Parsed, name: str) -> int:
    """1-based line of a front-matter field, or 1 when it is absent."""
    for i in range(1, _front_matter_end(parsed)):
        match = KEY_LINE.match(parsed.lines[i])
        if match is not None and match.group(1) == name:
            return i + 1
    return 1


def list_item_lines(parsed: Parsed, name: str) -> list[int]:
    """1-based lines of the ``- item`` lines of a front-matter field, in order ([] for a list in brackets)."""
    start = field_line(parsed, name) - 1
    found: list[int] = []
    indent: int | None = None
    for i in range(start + 1, _front_matter_end(parsed) - 1):
        line = parsed.lines[i]
        if KEY_LINE.match(line):
            break
        item = LIST_ITEM.match(line) or (re.match(r"^(\s*)-$", line))
        if item is None:
            continue
        width = len(item.group(1).replace("\t", "  "))  # as a mended tab is read
        if indent is None:
            indent = width
        if width == indent:
            found.append(i + 1)
    return found


def warn_unknown_fields(parsed: Parsed, report: Collector, known: tuple[str, ...]) -> None:
    for name in parsed.meta:
        if name not in known:
            line = field_line(parsed, name) if isinstance(name, str) else 1
            report.warning(f"unknown field '{name}' (it is not used): the fields are {', '.join(known)}", line)


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
