"""course.content and course.store never import Textual: the UI depends on them, not the reverse."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("package", ["course.content", "course.store", "course.cli", "course.config"])
def test_core_packages_do_not_import_textual(package: str) -> None:
    code = (
        "import sys, importlib, pkgutil\n"
        f"pkg = importlib.import_module({package!r})\n"
        "if hasattr(pkg, '__path__'):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"{package} imported {result.stdout.strip()}"


def test_every_button_is_the_apps_own() -> None:
    """Screens use course.ui.widgets.button.Button, so Textual's whole button style sheet is never parsed."""
    import ast
    from pathlib import Path

    import course.ui

    root = Path(course.ui.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        if path == root / "widgets" / "button.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual")
                    and any(alias.name == "Button" for alias in node.names)):
                offenders.append(str(path.relative_to(root)))
    assert offenders == []
