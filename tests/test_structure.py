"""The shape of the code: no import cycles, no mode branches outside the mode packages, no Textual private names.

Layers (which package may import which) are import-linter contracts in pyproject.toml, checked by ``lint-imports``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
# The mode packages, and the two modules that know every mode: launch.py starts one, keys_table.py lists their keys.
MODE_PACKAGES = ("course/ui/home/", "course/ui/group/", "course/ui/kiosk/", "course/ui/web/", "course/ui/launch.py",
                 "course/ui/keys_table.py")


def cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The groups of modules that import one another in a ring (Tarjan's strongly connected components)."""
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            ring = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                ring.append(member)
                if member == module:
                    break
            if len(ring) > 1:
                found.append(sorted(ring))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_module_imports_itself_through_others_when_the_program_runs() -> None:
    """Imports for type annotations only (under TYPE_CHECKING) are not run, so they do not count."""
    graph = grimp.build_graph("course", exclude_type_checking_imports=True)
    assert cycles(graph) == []


def test_the_cycle_check_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for module in ("a", "b", "c"):
        graph.add_module(module)
    graph.add_import(importer="a", imported="b")
    graph.add_import(importer="b", imported="c")
    graph.add_import(importer="c", imported="a")
    assert cycles(graph) == [["a", "b", "c"]]


def sources(*folders: str) -> list[Path]:
    return [path for folder in folders for path in sorted((ROOT / folder).rglob("*.py"))]


def test_shared_code_has_no_mode_branches() -> None:
    """Only the mode packages know about modes: shared screens are told what to do (hooks, arguments)."""
    apps = r"\b(HomeApp|GroupApp|KioskApp)\b"
    branch = re.compile(rf"\bapp\.(kiosk|mode)\b|\bmode\s*[!=]=|isinstance\([^)]*{apps}|import .*{apps}")
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in sources("course/ui")
             if not path.relative_to(ROOT).as_posix().startswith(MODE_PACKAGES)
             for number, line in enumerate(path.read_text("utf-8").splitlines(), 1) if branch.search(line)]
    assert found == []


def textual_private_names() -> set[str]:
    """Every private name (one leading underscore) on Textual's app, screens, widgets and Pilot."""
    from textual.app import App
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.driver import Driver
    from textual.pilot import Pilot
    from textual.screen import ModalScreen, Screen
    from textual.widget import Widget
    from textual.widgets import Input, Markdown, OptionList, Static, TextArea

    names: set[str] = set(vars(App()))
    for kind in (App, Screen, ModalScreen, Widget, Static, OptionList, TextArea, Input, Markdown, Vertical,
                 Horizontal, VerticalScroll, Pilot, Driver):
        names.update(dir(kind))
    return {name for name in names if name.startswith("_") and not name.startswith("__")}


def uses_textual(path: Path) -> bool:
    """Code that works with Textual's objects: it imports Textual, or it drives an app (tests, benchmarks)."""
    text = path.read_text("utf-8")
    return bool(re.search(r"^\s*(from textual[. ]|import textual\b)", text, flags=re.M)) or "run_test" in text


def test_no_textual_private_names_in_code_or_tests() -> None:
    """Neither reaching into Textual's private attributes nor overriding its private methods."""
    private = textual_private_names()
    use = re.compile(r"(?<!\bos)(?<!\bsys)\.(_[a-z]\w*)\b|^\s+def (_[a-z]\w*)\b")
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in sources("course", "tests", "benchmarks") if uses_textual(path)
             for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
             for match in use.finditer(line) if (match.group(1) or match.group(2)) in private]
    assert found == []


def test_the_private_name_check_knows_textuals_names() -> None:
    private = textual_private_names()
    assert {"_driver", "_exit", "_handle_exception", "_notifications", "_on_screen_resume"} <= private
