"""Words on a screen go through the catalog: a literal English sentence handed straight to a widget, a message, a
key or a dialog (not inside ``_()`` or ``N_()``) is shown in English whatever the language. This finds them in the
interface's code. A test cannot tell every string a person sees, but these are where they almost always go."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "course" / "ui"

# call name -> positions of its arguments that are words for a person, and keywords that are
SHOWN: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "Static": ((0,), ()),
    "Label": ((0,), ()),
    "Button": ((0,), ("tooltip",)),
    "MouseButton": ((0,), ("tooltip",)),
    "notify": ((0,), ("title",)),
    "Binding": ((2,), ("description", "tooltip")),
    "Other": ((1,), ("says", "short")),
    "KeyHelp": ((0,), ("intro", "note", "title")),
    "Input": ((), ("placeholder",)),
    "ConfirmDialog": ((0,), ("yes", "no")),
    "PinDialog": ((0,), ()),
    "Prose": ((0,), ()),
}
WORDS = re.compile(r"[A-Za-z]{2,}")


def words_in(node: ast.expr) -> str | None:
    """The English words ``node`` hands over as they are: a string literal, an f-string's literal parts, or a
    literal joined with ``+``; None for anything else (a call such as ``_()``, a name, a format of a call)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if WORDS.search(node.value) else None
    if isinstance(node, ast.JoinedStr):
        text = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
        return text if WORDS.search(text) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return words_in(node.left) or words_in(node.right)
    return None


def unmarked(path: Path, root: Path = ROOT) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in SHOWN:
            continue
        positions, keywords = SHOWN[name]
        values = [node.args[n] for n in positions if n < len(node.args)]
        values += [keyword.value for keyword in node.keywords if keyword.arg in keywords]
        for value in values:
            text = words_in(value)
            if text is not None:
                found.append(f"{path.relative_to(root)}:{node.lineno}: {name}({text[:50]!r}...)")
    return found


def test_no_english_sentence_reaches_the_screen_unmarked() -> None:
    found = [line for path in sorted(UI.rglob("*.py")) for line in unmarked(path)]
    assert found == [], "\n".join(found)


def test_the_check_finds_an_unmarked_sentence(tmp_path: Path) -> None:
    code = tmp_path / "screen.py"
    code.write_text('Static("Welcome back")\nStatic(_("Welcome back"))\nself.notify(f"Saved {n} notes")\n'
                    'Binding("q", "quit", "Quit", tooltip=N_("quit now"))\nStatic(name)\nStatic("")\n'
                    'Button(_("Save") + "!")\n')
    found = [line.split(": ", 1)[1] for line in unmarked(code, tmp_path)]
    assert found == ["Static('Welcome back'...)", "notify('Saved  notes'...)", "Binding('Quit'...)"]

