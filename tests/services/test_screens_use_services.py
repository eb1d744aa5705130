"""Screens, dialogs and the kiosk's controller reach saved data through the learner and course.services: only the
apps (which make the services from the store launch opened) and launch itself ever touch the store."""

from __future__ import annotations

import ast
from pathlib import Path

import course.ui

UI = Path(course.ui.__file__).parent
MAY_HOLD_THE_STORE = {"app.py", "launch.py", "home/app.py", "group/app.py", "kiosk/app.py", "kiosk/serve.py"}


def store_uses(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr == "store"]


def test_no_screen_touches_the_store() -> None:
    found = {}
    for path in sorted(UI.rglob("*.py")):
        name = path.relative_to(UI).as_posix()
        if name not in MAY_HOLD_THE_STORE and (lines := store_uses(path)):
            found[name] = lines
    assert found == {}


def test_the_check_sees_a_store_use(tmp_path: Path) -> None:
    sample = tmp_path / "screen.py"
    sample.write_text("def f(self):\n    return self.app.store.profiles()\n", encoding="utf-8")
    assert store_uses(sample) == [2]
